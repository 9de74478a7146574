import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyAllowList, isWeakCsp, loadAllowList, rules, scanProject, scanText, scopeFindings,
} from '../../../scripts/security-scan.mjs';
import type { FileKind } from '../../../scripts/security-scan.mjs';

const root = path.resolve(__dirname, '../../..');

const rulesIn = (code: string, kind: FileKind = 'main', file = 'main/bad.ts') => scanText(file, code, kind).findings.map((f) => f.rule);
const factsOf = (code: string) => new Set(scanText('main/x.ts', code, 'main').facts);

describe('security scan on the real tree', () => {
  let outDir: string;

  // The bundles are what ships, so they are built fresh from the current sources, the way
  // scripts/build.mjs builds them, into a private folder.
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'gridpass-scan-'));
    const common = { bundle: true, platform: 'node' as const, target: 'node20', logLevel: 'silent' as const, absWorkingDir: root };
    await build({ ...common, entryPoints: { main: 'main/main.ts' }, outdir: path.join(outDir, 'main'), format: 'esm', external: ['electron', '@napi-rs/keyring'] });
    await build({ ...common, entryPoints: { preload: 'main/preload.ts' }, outdir: path.join(outDir, 'preload'), format: 'cjs', platform: 'browser', external: ['electron'], outExtension: { '.js': '.cjs' } });
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel: 'silent', build: { outDir: path.join(outDir, 'renderer'), emptyOutDir: true, sourcemap: false } });
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('finds nothing unexplained in the sources and the built bundles', () => {
    const { findings, scanned } = scanProject({ root, outDir });
    expect(scanned.sources).toBeGreaterThan(10);
    expect(scanned.bundles).toBeGreaterThanOrEqual(3);
    const result = applyAllowList(findings, loadAllowList(root));
    expect(result.unexplained).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.invalid).toEqual([]);
  });

  it('sees the guards in main, so the whole-tree rules are really evaluated', () => {
    // main.ts enables the sandbox; the window port creates the window.
    const facts = new Set(['main/main.ts', 'main/window-port.ts']
      .flatMap((file) => scanText(file, readFileSync(path.join(root, file), 'utf8'), 'main').facts));
    expect(facts.has('creates-window')).toBe(true);
    expect(facts.has('enable-sandbox')).toBe(true);
  });
});

describe('security scan rules catch bad code', () => {
  it.each([
    ['node-integration', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })'],
    ['node-integration', 'const p = { nodeIntegrationInWorker: !0 }'],
    ['context-isolation', 'const p = { contextIsolation: false }'],
    ['context-isolation', 'const p = { contextIsolation: isolate }'],
    ['sandbox', 'const p = { sandbox: false }'],
    ['web-security', 'const p = { webSecurity: false }'],
    ['insecure-content', 'const p = { allowRunningInsecureContent: true }'],
    ['experimental-features', 'const p = { experimentalFeatures: true }'],
    ['blink-features', "const p = { enableBlinkFeatures: 'CSSVariables' }"],
    ['webview', 'const p = { webviewTag: true }'],
    ['remote-module', "import remote from '@electron/remote';"],
    ['remote-module', 'const p = { enableRemoteModule: true }'],
    ['web-preferences-incomplete', "new BrowserWindow({ webPreferences: { preload: 'p.cjs', contextIsolation: true } })"],
    ['open-external', 'shell.openExternal(url)'],
    ['open-external', 'const open = electron.shell.openExternal'],
    ['ipc-outside-validator', "ipcMain.handle('gridpass:x', () => 1)"],
    ['ipc-outside-validator', "function register() { ipcMain.on('x', () => 1) }"],
    ['file-protocol', "win.loadFile('index.html')"],
    ['file-protocol', 'win.loadURL(`file://${dir}/index.html`)'],
    ['file-protocol', "protocol.registerFileProtocol('x', handler)"],
    ['tls-verification', "app.commandLine.appendSwitch('ignore-certificate-errors')"],
    ['tls-verification', "app.on('certificate-error', (e, wc, url, err, cert, cb) => cb(true))"],
    ['tls-verification', 'const agent = new Agent({ rejectUnauthorized: false })'],
    ['tls-verification', "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'"],
    ['tls-verification', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'"],
    ['tls-verification', "spawn(node, args, { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } })"],
    ['tls-verification', "Object.assign(process.env, { ['NODE_TLS_REJECT_UNAUTHORIZED']: '0' })"],
    ['tls-verification', 'session.defaultSession.setCertificateVerifyProc((req, cb) => cb(0))'],
    ['weak-csp', "headers['Content-Security-Policy'] = \"default-src 'self' 'unsafe-inline'\""],
  ] as const)('%s: %s', (rule, code) => {
    expect(rulesIn(code)).toContain(rule);
  });

  it.each([
    ['preload-exposes-ipc', "contextBridge.exposeInMainWorld('ipc', ipcRenderer)"],
    ['preload-exposes-ipc', "contextBridge.exposeInMainWorld('api', { ipc: ipcRenderer })"],
    ['preload-exposes-ipc', "contextBridge.exposeInMainWorld('api', { send: (c, a) => ipcRenderer.send(c, a) })"],
    ['preload-exposes-ipc', "ipcRenderer.on('x', (event, payload) => listener(event, payload))"],
    ['preload-exposes-ipc', "contextBridge.exposeInMainWorld('node', require)"],
  ] as const)('%s in a preload: %s', (rule, code) => {
    expect(rulesIn(code, 'preload', 'main/preload.ts')).toContain(rule);
  });

  it.each([
    ['webview', 'export const V = () => <webview src="https://x" />;'],
    ['webview-allowpopups', 'export const V = () => <webview src="https://x" allowpopups="true" />;'],
    ['inner-html', 'export const V = ({ html }) => <div dangerouslySetInnerHTML={{ __html: html }} />;'],
    ['inner-html', 'element.innerHTML = text;'],
  ] as const)('%s in the renderer: %s', (rule, code) => {
    expect(scanText('renderer/bad.tsx', code, 'renderer').findings.map((f) => f.rule)).toContain(rule);
  });

  it('checks HTML pages for webviews, weak CSP and inline scripts', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src *">\n<webview allowpopups src="x"></webview>\n<script>alert(1)</script>`;
    expect(scanText('out/renderer/index.html', html, 'html').findings.map((f) => f.rule).sort())
      .toEqual(['weak-csp', 'weak-csp', 'webview', 'webview-allowpopups']);
  });

  it('requires every guard once a window is created', () => {
    const bare = factsOf("const w = new BrowserWindow({ webPreferences: { preload: 'p', contextIsolation: true, sandbox: true, nodeIntegration: false } })");
    expect(scopeFindings('sources', bare).map((f) => f.rule)).toEqual([
      'missing-window-open-handler', 'missing-navigation-guard', 'missing-webview-guard', 'missing-permission-handler',
      'missing-enable-sandbox', 'missing-csp',
    ]);
    const guarded = factsOf(`
      app.enableSandbox();
      const w = new BrowserWindow({ webPreferences: { preload: 'p', contextIsolation: true, sandbox: true, nodeIntegration: false } });
      w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      w.webContents.on('will-navigate', (e) => e.preventDefault());
      w.webContents.on('will-attach-webview', (e) => e.preventDefault());
      session.defaultSession.setPermissionRequestHandler((wc, p, cb) => cb(false));
      session.defaultSession.setPermissionCheckHandler(() => false);
      const headers = { 'Content-Security-Policy': "default-src 'self'" };`);
    expect(scopeFindings('sources', guarded)).toEqual([]);
  });

  it('accepts the patterns the app itself uses', () => {
    // doctor reads the variable to warn about it; only setting it weakens TLS.
    expect(rulesIn("const weakening = ['NODE_TLS_REJECT_UNAUTHORIZED']; const set = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0'")).toEqual([]);
    expect(rulesIn("createSafeOpenExternal({ openExternal: (url) => shell.openExternal(url) })")).toEqual([]);
    expect(rulesIn("function validatedHandle(ipcMain) { ipcMain.handle('c', async () => 1) }")).toEqual([]);
    expect(rulesIn("ipcRenderer.on(channel, (_event, payload) => listener(payload)); ipcRenderer.invoke(channel, request)", 'preload', 'main/preload.ts')).toEqual([]);
    expect(rulesIn("const p = { preload: 'p', contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false }")).toEqual([]);
  });

  it('judges CSPs by directive', () => {
    expect(isWeakCsp("default-src 'self'; img-src 'self' data:")).toBe(false);
    expect(isWeakCsp("default-src 'self'; script-src 'self' data:")).toBe(true);
    expect(isWeakCsp("default-src 'self'; connect-src https:")).toBe(true);
    expect(isWeakCsp("default-src 'self'; style-src 'unsafe-inline'")).toBe(true);
  });
});

describe('allow-list', () => {
  const finding = { rule: 'sandbox', file: 'out/main/main.js', line: 3, message: rules.sandbox ?? '', text: 'iframe.sandbox = false' };

  it('explains a matching finding and reports entries that match nothing or lack a reason', () => {
    const result = applyAllowList([finding], [
      { rule: 'sandbox', file: 'out/main/main.js', contains: 'iframe.sandbox', reason: 'An iframe attribute in a bundled library, not a window setting.' },
      { rule: 'webview', file: 'main/gone.ts', reason: 'Left over from a file that no longer exists.' },
      { rule: 'no-such-rule', file: 'x', reason: 'short' },
    ]);
    expect(result.unexplained).toEqual([]);
    expect(result.explained).toHaveLength(1);
    expect(result.stale.map((entry) => entry.file)).toEqual(['main/gone.ts', 'x']);
    expect(result.invalid.map((entry) => entry.rule)).toEqual(['no-such-rule']);
  });

  it('leaves a finding unexplained when no entry matches it exactly', () => {
    expect(applyAllowList([finding], [{ rule: 'sandbox', file: 'out/main/main.js', contains: 'webview', reason: 'Some other line entirely, for sure.' }]).unexplained).toEqual([finding]);
  });
});
