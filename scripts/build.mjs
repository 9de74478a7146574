// Builds everything the app, the CLI and the tests run: the renderer with Vite, main, the sandboxed
// preload (one CommonJS file, as a sandboxed preload must be), the CLI and the browser preview of
// `npm run demo` with esbuild.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { copyFile, readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __GRIDPASS_VERSION__: JSON.stringify(pkg.version) };
const only = process.argv[2];

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, define, logLevel: 'warning', legalComments: 'none' };
const native = ['@napi-rs/keyring'];

const targets = {
  main: () => esbuild({
    ...common,
    entryPoints: { main: 'main/main.ts' },
    outdir: 'out/main',
    format: 'esm',
    outExtension: { '.js': '.js' },
    external: ['electron', ...native],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  preload: () => esbuild({
    ...common,
    entryPoints: { preload: 'main/preload.ts' },
    outdir: 'out/preload',
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    outExtension: { '.js': '.cjs' },
  }),
  cli: () => esbuild({
    ...common,
    entryPoints: { gridpass: 'src/cli/gridpass.ts' },
    outdir: 'out/cli',
    format: 'esm',
    // Lazily imported parts (keychain, practice site) become chunks, so `gridpass --version` loads no native addon.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: native,
    minify: true,
    sourcemap: false,
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  // `npm run demo` without Electron: the browser tests' harness as one script (never packaged).
  preview: async () => {
    await esbuild({
      ...common,
      entryPoints: { 'browser-preview': 'test/fixtures/browser/browser-preview.ts' },
      outdir: 'out/preview',
      format: 'esm',
      external: ['@playwright/test', ...native],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    // The bridge's init script is read from beside the bundle, as it is read from beside its source.
    await copyFile('test/fixtures/browser/bridge-shim.js', 'out/preview/bridge-shim.js');
  },
  renderer: () => viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
};

if (!only) await rm('out', { recursive: true, force: true });
for (const [name, run] of Object.entries(targets)) {
  if (only && only !== name) continue;
  await run();
}
console.log(`built ${only ?? Object.keys(targets).join(', ')} -> out/`);
