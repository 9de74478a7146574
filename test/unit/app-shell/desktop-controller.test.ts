import { describe, expect, it } from 'vitest';
import { DesktopController, type ReadyPorts } from '../../../src/app-shell/desktop-controller';
import { schedulerTimings } from '../../../src/app-shell/check-scheduler';
import type { AccountView, AppStateView, GridpassHandlers, ResponseOf } from '../../../src/ipc/contract';
import type { GridpassService } from '../../../src/services/gridpass-service';
import { createServiceEventHub } from '../../../src/services/service-events';
import { accountView } from '../../fixtures/account-view';
import {
  RecordingApp, RecordingLaunchAtLogin, RecordingLinks, RecordingNotifier, RecordingTray, RecordingWindows, recordingLog,
} from '../../fixtures/desktop-ports';
import { FakeClock } from '../../fixtures/fake-clock';

const healthy = accountView({ id: 'healthy', site: 'https://one.shotgrid.autodesk.com' });
const paused = accountView({ id: 'paused', health: 'failing', checksPaused: true, failedLogins: 1, site: 'https://two.shotgrid.autodesk.com' });

function appState(settings: Partial<AppStateView['settings']> = {}): AppStateView {
  return {
    version: '0.0.0-test', platform: 'linux', keychain: { state: 'ok', backend: 'test' },
    settings: { checkIntervalHours: 6, launchAtLogin: false, notifications: true, managed: null, notice: null, ...settings },
    setupSite: null, accountsCount: 0, keptPat: false,
  };
}

/** A service whose answers the test sets; every call is recorded by name. */
function fakeService(accounts: AccountView[]) {
  const events = createServiceEventHub();
  const calls: string[] = [];
  const state = { accounts, appState: appState(), disposed: false, listCalls: 0, checkResults: new Map<string, AccountView>() };
  const release: Array<() => void> = [];
  const partial: Partial<GridpassHandlers> & Omit<GridpassService, keyof GridpassHandlers> = {
    events,
    getAppState: async () => state.appState,
    listAccounts: async () => {
      state.listCalls++;
      return state.accounts;
    },
    checkAccount: async ({ accountId }) => {
      calls.push(`check ${accountId}`);
      return state.accounts.find((account) => account.id === accountId) ?? healthy;
    },
    updateSettings: async (patch) => {
      calls.push(`updateSettings ${JSON.stringify(patch)}`);
      state.appState = appState({ ...state.appState.settings, ...patch });
      events.emit({ type: 'settings-changed' });
      return state.appState.settings;
    },
    startDiagnose: async ({ target }) => {
      calls.push(`startDiagnose ${JSON.stringify(target)}`);
      return { runId: 'run-1' };
    },
    copyDiagnoseReport: async ({ runId }): Promise<ResponseOf<'copyDiagnoseReport'>> => {
      calls.push(`copy ${runId}`);
      return { ok: true };
    },
    runScheduledCheck: async (accountId, reason) => {
      calls.push(`scheduled ${accountId} ${reason}`);
      const result = state.checkResults.get(accountId);
      if (result) state.accounts = state.accounts.map((account) => (account.id === accountId ? result : account));
      return result ?? state.accounts.find((account) => account.id === accountId) ?? healthy;
    },
    latestReport: () => null,
    dispose: () => new Promise<void>((resolve) => release.push(() => {
      state.disposed = true;
      resolve();
    })),
  };
  const service = new Proxy(partial, {
    get(target, name) {
      if (name in target) return target[name as keyof typeof target];
      return async () => {
        throw new Error(`the controller should not call ${String(name)}`);
      };
    },
  }) as GridpassService;
  return { service, events, calls, state, finishDispose: () => release.forEach((fn) => fn()) };
}

function setup(options: { accounts?: AccountView[]; platform?: string; startedAtLogin?: boolean } = {}) {
  const app = new RecordingApp();
  const windows = new RecordingWindows();
  const log = recordingLog();
  const controller = new DesktopController({ platform: options.platform ?? 'linux', app, windows, log });
  const fake = fakeService(options.accounts ?? [healthy, paused]);
  const tray = new RecordingTray();
  const notifier = new RecordingNotifier();
  const launchAtLogin = new RecordingLaunchAtLogin();
  const links = new RecordingLinks();
  const clock = new FakeClock();
  const ready: ReadyPorts = {
    service: fake.service, tray, notify: notifier.notify, launchAtLogin, links, clock,
    isOnline: () => true, startedAtLogin: options.startedAtLogin ?? false,
  };
  const start = async () => {
    app.ready = true;
    await controller.start(ready);
  };
  return { controller, app, windows, log, tray, notifier, launchAtLogin, links, clock, start, ...fake };
}

describe('DesktopController: which window opens', () => {
  it('opens on the screen each tray action names', async () => {
    const { controller, windows, start } = setup({ startedAtLogin: true });
    await start();
    expect(windows.created).toHaveLength(0);
    windows.startLoading = false;
    await controller.trayAction({ kind: 'show-account', accountId: 'healthy', healthy: true });
    await controller.trayAction({ kind: 'show-account', accountId: 'paused', healthy: false });
    await controller.trayAction({ kind: 'diagnose' });
    await controller.trayAction({ kind: 'open' });
    expect(windows.created).toHaveLength(1);
    expect(windows.current?.navigations).toEqual([
      { screen: 'accounts' },
      { screen: 'diagnose', accountId: 'paused' },
      { screen: 'diagnose', accountId: null },
      { screen: 'accounts' },
    ]);
  });

  it('opens the wizard from the tray when nothing is saved yet', async () => {
    const { controller, windows, start } = setup({ accounts: [], startedAtLogin: true });
    await start();
    windows.current?.finishLoading();
    await controller.trayAction({ kind: 'open' });
    windows.current?.finishLoading();
    expect(windows.current?.navigations.at(-1)).toEqual({ screen: 'wizard', site: null });
  });

  it('opens the screen a notification names when it is clicked', async () => {
    const { windows, notifier, clock, state, calls, start } = setup({ accounts: [{ ...healthy, lastCheckedAt: null }], startedAtLogin: true });
    await start();
    state.checkResults.set('healthy', accountView({ id: 'healthy', health: 'failing', lastCheckReason: 'startup' }));
    await clock.advance(schedulerTimings.startupDelayMs);
    expect(calls).toEqual(['scheduled healthy startup']);
    expect(notifier.notices).toHaveLength(1);
    notifier.notices[0]?.onClick?.();
    windows.current?.finishLoading();
    expect(windows.current?.navigations).toEqual([{ screen: 'diagnose', accountId: 'healthy' }]);
  });

  it('delivers a target only once the page has loaded, and raises the window it already has', async () => {
    const { controller, windows, start } = setup({ startedAtLogin: true });
    await start();
    await controller.trayAction({ kind: 'diagnose' });
    expect(windows.current?.navigations).toEqual([]);
    windows.current?.finishLoading();
    expect(windows.current?.navigations).toEqual([{ screen: 'diagnose', accountId: null }]);
    await controller.trayAction({ kind: 'open' });
    expect(windows.created).toHaveLength(1);
    expect(windows.current?.shown).toBe(2);
  });

  it('keeps the window hidden on close on macOS only, and rebuilds it elsewhere', async () => {
    const mac = setup({ platform: 'darwin', startedAtLogin: true });
    await mac.start();
    await mac.controller.trayAction({ kind: 'open' });
    expect(mac.windows.current?.close()).toBe(true);
    expect(mac.windows.appFocused).toBe(1);
    mac.controller.beforeQuit();
    expect(mac.windows.current?.close()).toBe(false);

    const linux = setup({ startedAtLogin: true });
    await linux.start();
    await linux.controller.trayAction({ kind: 'open' });
    expect(linux.windows.current?.close()).toBe(false);
    await linux.controller.trayAction({ kind: 'open' });
    expect(linux.windows.created).toHaveLength(2);
  });

  it('shows the window again on a second launch, which is the way back where no tray shows', async () => {
    const { controller, windows, start } = setup({ startedAtLogin: true });
    await start();
    controller.secondInstance(['/usr/bin/gridpass']);
    expect(windows.created).toHaveLength(1);
  });
});

describe('DesktopController: start-up', () => {
  it('starts hidden at login when logins are saved', async () => {
    const { windows, start } = setup({ startedAtLogin: true });
    await start();
    expect(windows.created).toHaveLength(0);
  });

  it('opens the wizard at login when nothing is set up yet', async () => {
    const { windows, start } = setup({ accounts: [], startedAtLogin: true });
    await start();
    windows.current?.finishLoading();
    expect(windows.current?.navigations).toEqual([{ screen: 'wizard', site: null }]);
  });

  it('opens the window (on the current screen) when the person started it', async () => {
    const { windows, start } = setup({ startedAtLogin: false });
    await start();
    windows.current?.finishLoading();
    expect(windows.created).toHaveLength(1);
    expect(windows.current?.navigations).toEqual([]);
  });

  it('renders the tray from the service and lets openExternal reach the saved sites', async () => {
    const { tray, links, start } = setup();
    await start();
    expect(tray.last).toMatchObject({
      accounts: [{ id: 'healthy', checksPaused: false }, { id: 'paused', checksPaused: true }], checking: false, launchAtLogin: false, problem: null,
    });
    expect(links.sites).toEqual(expect.arrayContaining(['https://one.shotgrid.autodesk.com', 'https://two.shotgrid.autodesk.com']));
  });
});

describe('DesktopController: usable where no tray shows (stock GNOME)', () => {
  it('opens the window on the wizard at the first start', async () => {
    const { windows, start } = setup({ accounts: [], startedAtLogin: false });
    await start();
    expect(windows.created).toHaveLength(1);
    expect(windows.current?.shown).toBe(1);
    windows.current?.finishLoading();
    expect(windows.current?.navigations).toEqual([{ screen: 'wizard', site: null }]);
  });

  it('opens the window again when launched again after it was closed', async () => {
    const { controller, windows, start } = setup({ startedAtLogin: false });
    await start();
    expect(windows.current?.close()).toBe(false);
    expect(windows.current).toBeUndefined();
    controller.secondInstance(['/usr/bin/gridpass']);
    expect(windows.created).toHaveLength(2);
    expect(windows.current?.shown).toBe(1);
  });

  it('still opens the window and answers a second launch when the tray cannot be drawn', async () => {
    const { controller, windows, tray, log, start } = setup({ accounts: [], startedAtLogin: false });
    tray.render = () => {
      throw new Error('no StatusNotifierWatcher on the bus');
    };
    await start();
    expect(windows.created).toHaveLength(1);
    expect(log.lines).toContain('warn Tray refresh failed: no StatusNotifierWatcher on the bus');
    windows.current?.close();
    controller.secondInstance(['/usr/bin/gridpass']);
    expect(windows.current?.shown).toBe(1);
  });
});

describe('DesktopController: deep links', () => {
  it('holds a link that arrives before ready and opens the wizard on its site at start', async () => {
    const { controller, windows, start } = setup({ startedAtLogin: true });
    expect(controller.acceptDeepLink('gridpass://setup?site=mystudio.shotgrid.autodesk.com')).toBe(true);
    expect(windows.created).toHaveLength(0);
    expect(controller.setupSite).toBe('mystudio.shotgrid.autodesk.com');
    await start();
    windows.current?.finishLoading();
    expect(windows.current?.navigations).toEqual([{ screen: 'wizard', site: 'mystudio.shotgrid.autodesk.com' }]);
  });

  it('opens the wizard at once for a link after ready, from a second launch too', async () => {
    const { controller, windows, start } = setup({ startedAtLogin: true });
    await start();
    windows.startLoading = false;
    controller.secondInstance(['/usr/bin/gridpass', 'gridpass://setup?site=other.shotgrid.autodesk.com']);
    expect(windows.current?.navigations).toEqual([{ screen: 'wizard', site: 'other.shotgrid.autodesk.com' }]);
  });

  it('refuses a bad link, logs why and only shows the window', async () => {
    const { controller, windows, log, start } = setup({ startedAtLogin: true });
    await start();
    windows.startLoading = false;
    expect(controller.acceptDeepLink('gridpass://delete-everything')).toBe(false);
    expect(windows.created).toHaveLength(0);
    controller.secondInstance(['gridpass', 'gridpass://delete-everything']);
    expect(windows.current?.navigations).toEqual([]);
    expect(log.lines.some((line) => line.startsWith('warn'))).toBe(true);
    expect(controller.setupSite).toBeNull();
  });
});

describe('DesktopController: checks and the tray', () => {
  it('Check now checks every login except the paused ones', async () => {
    const { controller, calls, start } = setup();
    await start();
    await controller.trayAction({ kind: 'check-now' });
    expect(calls).toEqual(['check healthy']);
  });

  it('collapses overlapping tray refreshes into one', async () => {
    const { controller, tray, state, start } = setup();
    await start();
    const before = { renders: tray.states.length, lists: state.listCalls };
    await Promise.all([controller.refreshTray(), controller.refreshTray(), controller.refreshTray()]);
    expect(tray.states.length - before.renders).toBe(1);
    expect(state.listCalls - before.lists).toBe(1);
  });

  it('updates the tray and the open window when the service says accounts changed', async () => {
    const { windows, tray, state, events, start } = setup();
    await start();
    windows.current?.finishLoading();
    state.accounts = [accountView({ id: 'healthy', health: 'failing', checksPaused: true, failedLogins: 1 })];
    events.emit({ type: 'accounts-changed' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(tray.last?.accounts).toEqual([{ id: 'healthy', login: 'alex', host: 'mystudio.shotgrid.autodesk.com', health: 'failing', checksPaused: true }]);
    expect(windows.current?.events).toEqual([{ type: 'accounts-changed' }]);
  });

  it('forwards diagnosis progress to the window but keeps chosen sites in main', async () => {
    const { windows, links, events, start } = setup();
    await start();
    events.emit({ type: 'diagnose-progress', runId: 'run-1' });
    events.emit({ type: 'site-chosen', site: 'https://typed.shotgrid.autodesk.com' });
    expect(windows.current?.events).toEqual([{ type: 'diagnose-progress', runId: 'run-1' }]);
    expect(links.sites).toContain('https://typed.shotgrid.autodesk.com');
  });

  it('toggles launch at login through the service and writes the login item from the new settings', async () => {
    const { controller, calls, launchAtLogin, tray, start } = setup();
    await start();
    await controller.trayAction({ kind: 'toggle-launch-at-login' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['updateSettings {"launchAtLogin":true}']);
    expect(launchAtLogin.writes).toEqual([true]);
    expect(tray.last?.launchAtLogin).toBe(true);
  });

  it('copies a support report once the diagnosis has finished, and says so', async () => {
    const { controller, calls, events, notifier, start } = setup();
    await start();
    const copying = controller.trayAction({ kind: 'copy-support-report' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['startDiagnose {"kind":"account","accountId":"paused"}']);
    events.emit({ type: 'diagnose-finished', runId: 'run-1' });
    await copying;
    expect(calls.at(-1)).toBe('copy run-1');
    expect(notifier.notices.map((notice) => notice.title)).toEqual(['Support report copied']);
  });

  it('re-renders the tray when the theme or display scale changes', async () => {
    const { controller, tray, start } = setup();
    await start();
    controller.appearanceChanged();
    expect(tray.refreshed).toBe(1);
  });
});

describe('DesktopController: quitting', () => {
  it('holds the quit until the clean-up (clipboard included) has finished, then quits', async () => {
    const { controller, app, tray, state, finishDispose, start } = setup();
    await start();
    await controller.trayAction({ kind: 'quit' });
    expect(app.quitCalls).toBe(1);
    let prevented = 0;
    controller.willQuit({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    expect(tray.destroyed).toBe(true);
    expect(app.quitCalls).toBe(1);
    controller.willQuit({ preventDefault: () => prevented++ });
    expect(prevented).toBe(2);
    finishDispose();
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.disposed).toBe(true);
    expect(app.quitCalls).toBe(2);
    controller.willQuit({ preventDefault: () => prevented++ });
    expect(prevented).toBe(2);
  });

  it('quits anyway when the clean-up hangs past its time limit', async () => {
    const { controller, app, clock, start } = setup();
    await start();
    controller.willQuit({ preventDefault: () => undefined });
    await clock.advance(2000);
    expect(app.quitCalls).toBe(1);
  });
});
