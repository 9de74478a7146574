// main.ts needs a real Electron to run, so its wiring is pinned by reading it: the calls that make
// the window secure must be there, with the options decided (and tested) in src/app-shell.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const source = readFileSync(path.resolve(__dirname, '../../../main/main.ts'), 'utf8');
const indexOf = (text: string) => {
  const index = source.indexOf(text);
  if (index === -1) throw new Error(`main.ts does not contain: ${text}`);
  return index;
};

describe('main.ts wiring', () => {
  it('creates its only window from secureWindowOptions', () => {
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
    indexOf('new BrowserWindow({ ...secureWindowOptions(layout.preloadPath), icon: layout.windowIconPath })');
  });

  it('registers app:// as privileged and enables the sandbox before the app is ready', () => {
    const ready = indexOf('app.whenReady()');
    expect(indexOf('protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true')).toBeLessThan(ready);
    expect(indexOf('app.enableSandbox();')).toBeLessThan(ready);
  });

  it('hardens every webContents and denies every permission', () => {
    indexOf("app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardening));");
    indexOf('denyAllPermissions(session.defaultSession, logLine);');
  });

  it('serves pages through the bundle handler and loads them from the trusted location only', () => {
    indexOf('protocol.handle(APP_SCHEME, createBundleHandler({');
    indexOf('window.loadURL(location.entryUrl)');
    expect(source).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('registers IPC only through the validator, checked against our own windows', () => {
    indexOf('await registerWithElectron(');
    indexOf('BrowserWindow.getAllWindows().some((window) => window.webContents === sender)');
    expect(source).not.toMatch(/ipcMain/);
  });

  it('opens links only through safeOpenExternal', () => {
    expect(source.match(/shell\.openExternal/g)).toHaveLength(1);
    indexOf('openExternal: (url) => shell.openExternal(url),');
    expect(indexOf('createSafeOpenExternal({')).toBeLessThan(indexOf('openExternal: (url) => shell.openExternal(url),'));
  });

  it('keeps one instance, takes gridpass:// links and stays alive with no window', () => {
    indexOf('if (!app.requestSingleInstanceLock()) {');
    indexOf("app.on('second-instance', (_event, argv) => {");
    indexOf("app.on('open-url', (event, url) => {");
    indexOf('app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)');
    indexOf("app.on('window-all-closed', () => undefined);");
  });
});
