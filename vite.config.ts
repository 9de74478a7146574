// The renderer build. Main serves it from app://bundle/ with a `default-src 'self'` CSP, so the
// output must be relative (base './'), carry no inline script and pull nothing from elsewhere.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Keep every asset a real file: nothing becomes an inline data: URI the CSP would have to allow.
    assetsInlineLimit: 0,
    sourcemap: true,
    // The module preload polyfill is for old browsers; Chromium has native modulepreload.
    modulePreload: { polyfill: false },
  },
});
