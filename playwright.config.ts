import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download is not available everywhere we run. */
export const chromiumPath = process.env.GRIDPASS_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'browser', testDir: 'test/e2e-browser' },
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
});
