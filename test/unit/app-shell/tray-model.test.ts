import { describe, expect, it } from 'vitest';
import { trayIconFile, trayModel } from '../../../src/app-shell/tray-model';
import type { TrayAccount, TrayMenuItem, TrayState } from '../../../src/app-shell/tray-model';

const account = (overrides: Partial<TrayAccount> = {}): TrayAccount => ({
  id: 'acc-1', login: 'alex@studio.example', host: 'mystudio.shotgrid.autodesk.com', health: 'ok', checksPaused: false, ...overrides,
});
const state = (overrides: Partial<TrayState> = {}): TrayState => ({
  accounts: [account()], checking: false, launchAtLogin: false, problem: null, ...overrides,
});
const labels = (menu: TrayMenuItem[]) => menu.map((item) => (item.type === 'separator' ? '---' : item.label));
const find = (menu: TrayMenuItem[], label: string) => menu.find((item) => item.type !== 'separator' && item.label === label);

describe('trayModel icon', () => {
  it.each([
    ['all logins work', state(), 'ok'],
    ['a check is running', state({ checking: true }), 'checking'],
    ['a login was never checked', state({ accounts: [account({ health: 'unchecked' })] }), 'checking'],
    ['a login needs attention', state({ accounts: [account(), account({ id: 'b', health: 'attention' })] }), 'attention'],
    ['checks are paused', state({ accounts: [account({ checksPaused: true })] }), 'attention'],
    ['the keychain is unavailable', state({ problem: 'Keychain unavailable' }), 'attention'],
    ['nothing is set up yet', state({ accounts: [] }), 'attention'],
    ['one login fails while another is checked', state({ checking: true, accounts: [account({ health: 'failing' }), account({ id: 'b', health: 'attention' })] }), 'failing'],
  ] as const)('is %s -> %s', (_name, input, icon) => {
    expect(trayModel(input).icon).toBe(icon);
  });
});

describe('trayModel menu', () => {
  it('lists a status line per login, then the actions, with Open and Quit', () => {
    const model = trayModel(state({ accounts: [account(), account({ id: 'b', login: 'sam', health: 'failing', checksPaused: true })] }));
    expect(labels(model.menu)).toEqual([
      'alex@studio.example on mystudio.shotgrid.autodesk.com: working',
      'sam on mystudio.shotgrid.autodesk.com: not working (checks paused)',
      '---', 'Check now', 'Open Gridpass', 'Diagnose…', 'Copy support report',
      '---', 'Launch at login', '---', 'Quit Gridpass',
    ]);
    expect(model.tooltip).toBe('Gridpass: 1 of 2 logins need attention');
  });

  it('sends a broken login\'s status line to its diagnosis and a healthy one to the list', () => {
    const model = trayModel(state({ accounts: [account(), account({ id: 'b', login: 'sam', health: 'failing' })] }));
    const actions = model.menu.flatMap((item) => (item.type === 'action' && item.action.kind === 'show-account' ? [item.action] : []));
    expect(actions).toEqual([
      { kind: 'show-account', accountId: 'acc-1', healthy: true },
      { kind: 'show-account', accountId: 'b', healthy: false },
    ]);
  });

  it('keeps Open and Quit when nothing is set up, and disables what needs a login', () => {
    const model = trayModel(state({ accounts: [] }));
    expect(labels(model.menu)).toContain('No saved login yet');
    expect(find(model.menu, 'Set up Gridpass…')).toMatchObject({ enabled: true, action: { kind: 'open' } });
    expect(find(model.menu, 'Quit Gridpass')).toMatchObject({ enabled: true, action: { kind: 'quit' } });
    expect(find(model.menu, 'Check now')).toMatchObject({ enabled: false });
    expect(find(model.menu, 'Copy support report')).toMatchObject({ enabled: false });
    expect(model.tooltip).toBe('Gridpass: no saved login yet');
  });

  it('shows a running check instead of offering another', () => {
    const model = trayModel(state({ checking: true }));
    expect(find(model.menu, 'Checking…')).toMatchObject({ enabled: false, action: { kind: 'check-now' } });
    expect(model.tooltip).toBe('Gridpass: checking your logins…');
  });

  it('keeps a long list of logins to a menu that fits, problems first, the rest one click away', () => {
    const many = Array.from({ length: 12 }, (_, index) => account({ id: `acc-${index}`, login: `user${index}` }));
    many[10] = account({ id: 'acc-10', login: 'user10', health: 'failing' });
    const model = trayModel(state({ accounts: many }));
    const statusLines = model.menu.slice(0, model.menu.findIndex((item) => item.type === 'separator'));
    expect(labels(statusLines)).toEqual([
      'user10 on mystudio.shotgrid.autodesk.com: not working',
      ...[0, 1, 2, 3, 4, 5, 6].map((index) => `user${index} on mystudio.shotgrid.autodesk.com: working`),
      '4 more logins…',
    ]);
    expect(statusLines.at(-1)).toMatchObject({ type: 'action', enabled: true, action: { kind: 'open' } });
  });

  it('shows an ampersand in a login as itself, not as a menu shortcut', () => {
    const model = trayModel(state({ accounts: [account({ login: 'r&d-tools' })], problem: 'Keychain locked & unavailable' }));
    expect(labels(model.menu).slice(0, 2)).toEqual([
      'r&&d-tools on mystudio.shotgrid.autodesk.com: working',
      'Keychain locked && unavailable',
    ]);
  });

  it('reflects Launch at login as a checkbox', () => {
    expect(find(trayModel(state({ launchAtLogin: true })).menu, 'Launch at login')).toEqual({
      type: 'checkbox', label: 'Launch at login', checked: true, action: { kind: 'toggle-launch-at-login' },
    });
  });

  it('shows a problem as its own line', () => {
    expect(labels(trayModel(state({ problem: 'Keychain unavailable: install GNOME Keyring' })).menu)[1]).toBe('Keychain unavailable: install GNOME Keyring');
  });

  it('says all is well in the tooltip only when every login works', () => {
    expect(trayModel(state()).tooltip).toBe('Gridpass: your login works');
    expect(trayModel(state({ accounts: [account(), account({ id: 'b' })] })).tooltip).toBe('Gridpass: all 2 logins work');
    expect(trayModel(state({ accounts: [account({ health: 'unchecked' })] })).tooltip).toBe('Gridpass: waiting for the first check');
  });
});

describe('trayIconFile', () => {
  it('uses template images on macOS, .ico on Windows and a scale-sized PNG on Linux', () => {
    expect(trayIconFile('failing', 'darwin', 2)).toBe('tray-failingTemplate.png');
    expect(trayIconFile('ok', 'win32', 1.25)).toBe('tray-ok.ico');
    expect(trayIconFile('ok', 'linux', 1)).toBe('tray-ok.png');
    expect(trayIconFile('ok', 'linux', 2)).toBe('tray-ok@2x.png');
  });
});
