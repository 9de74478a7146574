import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download is not available everywhere we run. */
export const chromiumPath = process.env.GRIDPASS_CHROMIUM ?? '/usr/bin/chromium';

/** What the tests and the browser preview start Chromium with (no first-run or background traffic). */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export default defineConfig({
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'browser', testDir: 'test/e2e-browser' },
    { name: 'electron', testDir: 'test/e2e-electron' },
  ],
});
