// The built out/main/main.js and out/preload/preload.cjs, run in Node against the Electron stand-in
// (test/fixtures/electron), which enforces the rules Electron documents. No Electron binary needed;
// the Electron end-to-end test (test/e2e-electron) still runs wherever one exists.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/app-shell/content-security-policy';
import { requestNames } from '../../../src/ipc/contract';
import { INVALID_MESSAGE } from '../../../main/ipc/validated-ipc';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site/practice-site';
import { projectRoot } from '../../fixtures/cli-process';
import { removeKeychainService, uniqueKeychainService } from '../../fixtures/keyring';
import { plantedSecret } from '../../fixtures/plant-secret';
import { standInHarness, type StandInHarness, type StandInRun } from '../../fixtures/electron/run-main';

const builtMain = path.join(projectRoot, 'out/main/main.js');
const builtPreload = path.join(projectRoot, 'out/preload/preload.cjs');

let harness: StandInHarness;
let site: PracticeSite;
let home: string;
let keychainService: string;
let pat: string;
let run: StandInRun;

beforeAll(async () => {
  if (!existsSync(builtMain) || !existsSync(builtPreload)) throw new Error('Build first: npm run build (this test runs the built bundles).');
  harness = await standInHarness();
  site = await startPracticeSite({ method: 'oxygen' });
  home = await mkdtemp(path.join(tmpdir(), 'gridpass-main-bundle-'));
  keychainService = uniqueKeychainService('main-bundle');
  pat = plantedSecret('pat');
  const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  run = await harness.run(builtMain, {
    ...process.env,
    STAND_IN_HOME: home, STAND_IN_SITE: site.url, STAND_IN_PAT: pat, STAND_IN_VERSION: pkg.version,
    GRIDPASS_HOME: path.join(home, 'gridpass'), GRIDPASS_KEYCHAIN_SERVICE: keychainService, GRIDPASS_PRACTICE_SITE: site.url,
  });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await site?.close();
  if (keychainService) await removeKeychainService(keychainService);
  if (home) await rm(home, { recursive: true, force: true });
});

describe('the built main.js and preload under Electron\'s rules', () => {
  it('runs from start to quit without breaking a rule', () => {
    expect(run.report, run.stderr).not.toBeNull();
    expect(run.report?.error).toBeUndefined();
    expect(run.report?.violationsBeforeReady).toEqual([]);
    expect(run.report?.violations).toEqual([]);
    expect(run.report?.errorBoxes).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('puts a tray up with the menu a first start needs, and an icon that exists', () => {
    const tray = run.report?.tray as { menu: Array<{ label: string | null; enabled: boolean }>; imageEmpty: boolean; toolTip: string };
    expect(tray.menu.filter((item) => item.label !== null).map(({ label, enabled }) => ({ label, enabled }))).toEqual([
      { label: 'No saved login yet', enabled: false },
      { label: 'Check now', enabled: false },
      { label: 'Set up Gridpass…', enabled: true },
      { label: 'Diagnose…', enabled: true },
      { label: 'Copy support report', enabled: false },
      { label: 'Launch at login', enabled: true },
      { label: 'Quit Gridpass', enabled: true },
    ]);
    expect(tray.imageEmpty).toBe(false);
    expect(tray.toolTip).toBe('Gridpass: no saved login yet');
  });

  it('opens the window on app://bundle/ with the CSP, sandboxed and isolated, and locks the session down', () => {
    expect(run.report?.window).toMatchObject({
      url: 'app://bundle/index.html', visible: true, csp: CONTENT_SECURITY_POLICY, hardened: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(run.report?.permissionHandlers).toEqual(['check', 'device', 'request']);
    expect(run.report?.applicationMenu).toBe('none');
  });

  it('gives the page window.gridpass: one method per request plus the two subscriptions, frozen', () => {
    expect(run.report?.pageApi).toEqual({ keys: [...requestNames, 'onEvent', 'onNavigate'].sort(), frozen: true });
  });

  it('carries requests from the bridge through the validated IPC to the real service and the practice site', () => {
    expect(run.report?.appState).toEqual({ version: '0.1.0', platform: process.platform, keychain: 'ok', accountsCount: 0, frozen: true });
    expect(run.report?.probe).toEqual({ ok: true, loginMethod: 'oxygen' });
    expect(run.report?.invalidRequest).toBe(`Error invoking remote method 'gridpass:probeSite': Error: ${INVALID_MESSAGE}`);
  });

  it('delivers navigation messages: the wizard on first start, then the screen a tray item names', () => {
    expect(run.report?.navigations).toEqual([{ screen: 'wizard', site: null }, { screen: 'diagnose', accountId: null }]);
  });

  it('quits from the tray only after the PAT on the clipboard has been cleared', () => {
    expect(run.report?.pat).toEqual({ held: true, copied: true, onClipboard: true });
    expect(run.report?.quitBeforeCleanupFinished).toBe(false);
    expect(run.report?.clipboardEmptyAtExit).toBe(true);
    const timeline = run.report?.timeline as string[];
    expect(timeline.slice(timeline.indexOf('app.quit()'))).toEqual([
      'app.quit()', 'tray destroyed', 'will-quit held', 'clipboard clear started', 'clipboard cleared', 'app.quit()', 'quit',
    ]);
    expect(run.report?.exitCode).toBe(0);
  });

  it('never lets the planted PAT reach its output or its log', async () => {
    expect(run.stdout).not.toContain(pat);
    expect(run.stderr).not.toContain(pat);
    const logs = path.join(home, 'gridpass', 'logs');
    for (const file of existsSync(logs) ? await readdir(logs) : []) expect(await readFile(path.join(logs, file), 'utf8')).not.toContain(pat);
  });
});

describe('the same harness on a main that breaks a rule', () => {
  async function runBroken(code: string, env: NodeJS.ProcessEnv = {}): Promise<StandInRun> {
    const file = path.join(home, `broken-${Math.random().toString(36).slice(2)}.mjs`);
    await writeFile(file, code);
    return harness.run(file, { ...process.env, STAND_IN_HOME: home, STAND_IN_STOP_AFTER_READY: '1', ...env });
  }

  it('fails a main that creates its tray before ready', async () => {
    const broken = await runBroken("import { Tray, nativeImage } from 'electron';\nnew Tray(nativeImage.createEmpty());\n");
    expect(broken.code).toBe(1);
    expect(broken.report?.error).toBe('new Tray() was used before the app was ready');
    expect(broken.report?.violations).toEqual(['new Tray() was used before the app was ready']);
  });

  it('still reports a broken rule that the app catches and hides', async () => {
    const broken = await runBroken([
      "import { app, protocol } from 'electron';",
      "app.whenReady().then(() => { try { protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]); } catch {} });",
    ].join('\n'));
    expect(broken.report?.violations).toEqual(['protocol.registerSchemesAsPrivileged() was called after the app was ready']);
  });
});
