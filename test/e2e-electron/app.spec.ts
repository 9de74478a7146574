// The real app, driven through Playwright's Electron support. It needs an Electron binary, which
// offline build machines do not have: there the whole file is one clean skip. Run it with
// `npm run build` first; on Linux CI under `xvfb-run -a`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src/app-shell/content-security-policy';
import { requestNames } from '../../src/ipc/contract';
import { startPracticeSite } from '../../src/practice-site';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { PracticeSite } from '../../src/practice-site';

const SKIP_MESSAGE = 'skipped: no Electron binary';
const root = fileURLToPath(new URL('../..', import.meta.url));

const electronBinary = findElectronBinary(root);

if (electronBinary === null) {
  test.describe('Gridpass desktop app', () => {
    test.beforeAll(() => console.log(SKIP_MESSAGE));
    test('runs end to end in Electron', () => {
      test.skip(true, SKIP_MESSAGE);
    });
  });
} else {
  test.describe('Gridpass desktop app', () => {
    test.describe.configure({ mode: 'serial' });

    let app: ElectronApplication;
    let page: Page;
    let site: PracticeSite;
    let home: string;

    test.beforeAll(async () => {
      site = await startPracticeSite({ method: 'oxygen' });
      home = mkdtempSync(path.join(tmpdir(), 'gridpass-e2e-'));
      app = await electron.launch({
        executablePath: electronBinary,
        // The OS sandbox needs privileges CI containers lack; the renderer sandbox settings still apply.
        args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), path.join(root, 'out/main/main.js')],
        env: {
          ...process.env,
          GRIDPASS_HOME: home,
          GRIDPASS_KEYCHAIN_SERVICE: `Gridpass e2e ${process.pid}`,
          GRIDPASS_PRACTICE_SITE: site.url,
        },
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    });

    test.afterAll(async () => {
      await app?.close();
      await site?.close();
      if (home) rmSync(home, { recursive: true, force: true });
    });

    test('loads its pages from app://bundle, not file://', async () => {
      expect(page.url()).toMatch(/^app:\/\/bundle\//);
    });

    test('runs the window isolated and sandboxed, without Node integration', async () => {
      // getLastWebPreferences() is what Electron's own tests read; it is not in the public typings.
      const preferences = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?(): Record<string, unknown> } | undefined;
        return contents?.getLastWebPreferences?.() ?? null;
      });
      expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
      expect(preferences?.webSecurity).not.toBe(false);
      expect(preferences?.allowRunningInsecureContent).not.toBe(true);
    });

    test('serves every page with the Content-Security-Policy header', async () => {
      const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      expect(header).toBe(CONTENT_SECURITY_POLICY);
    });

    test('gives the page no Node.js and no Electron, only the named gridpass methods', async () => {
      const globals = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        module: typeof (window as unknown as { module?: unknown }).module,
        methods: Object.keys((window as unknown as { gridpass: object }).gridpass).sort(),
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', methods: [...requestNames, 'onNavigate'].sort() });
    });

    test('refuses a malformed request with a plain message', async () => {
      const message = await page.evaluate(() =>
        (window as unknown as { gridpass: { probeSite(request: unknown): Promise<unknown> } }).gridpass
          .probeSite({ address: 42 })
          .then(() => 'answered', (error: Error) => error.message));
      expect(message).toContain('Gridpass could not read this request.');
      expect(message).not.toMatch(/at \S+ \(/);
    });

    test('opens no new windows and does not navigate away', async () => {
      const before = page.url();
      const opened = await page.evaluate(() => window.open('https://example.com/') === null);
      expect(opened).toBe(true);
      await page.evaluate(() => { location.href = 'https://example.com/'; });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(app.windows()).toHaveLength(1);
    });

    test('probes the practice site through the real main process', async () => {
      const result = await page.evaluate(async (address) =>
        (window as unknown as { gridpass: { probeSite(request: { address: string }): Promise<{ ok: boolean; site?: { loginMethod: string } }> } }).gridpass
          .probeSite({ address }), site.url);
      expect(result).toMatchObject({ ok: true, site: { loginMethod: 'oxygen' } });
    });
  });
}

// Tools on an artist's machine run `gridpass session` through the app's own binary (no Node.js needed).
if (electronBinary !== null) {
  test.describe('the gridpass command inside the app binary', () => {
    test('answers gridpass session as the npm CLI does, without opening a window', async () => {
      const site = await startPracticeSite({ method: 'oxygen' });
      const home = mkdtempSync(path.join(tmpdir(), 'gridpass-e2e-cli-'));
      try {
        const args = [...(process.platform === 'linux' ? ['--no-sandbox'] : []), path.join(root, 'out/main/main.js'), 'session', '--site', site.url, '--json'];
        const run = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
          execFile(electronBinary, args, { env: { ...process.env, GRIDPASS_HOME: home, GRIDPASS_KEYCHAIN_SERVICE: `Gridpass e2e cli ${process.pid}` }, timeout: 60_000 },
            (error, stdout) => (error && typeof error.code !== 'number' ? reject(error) : resolve({ code: error ? (error.code as number) : 0, stdout })));
        });
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'gridpass.session/1', ok: false, finding: { code: 'GP-SESSION-NO-LOGIN' } });
        expect(site.log.credentialedCount()).toBe(0);
      } finally {
        await site.close();
        rmSync(home, { recursive: true, force: true });
      }
    });
  });
}
