/**
 * The desktop app's behaviour, with Electron's parts handed in as ports: which window opens for each
 * tray action, notification and deep link; the tray and the window following the service's events;
 * scheduled checks; launch at login; and quitting only after the clean-up. main.ts creates the
 * Electron objects and gives them to this; everything that decides lives here and runs in Node.
 *
 * Two phases, as Electron has: the controller exists before 'ready' (deep links and second launches
 * can arrive then) and start() runs once the app is ready and the service exists.
 */
import type { AccountView, AppStateView } from '../ipc/contract';
import type { GridpassService } from '../services/gridpass-service';
import { isAppEvent, type ServiceEvent } from '../services/service-events';
import { CheckScheduler, type ScheduledReason } from './check-scheduler';
import type { Clock } from './clock';
import { findDeepLinkArgument, parseDeepLink } from './deep-link';
import { healthNotice } from './health-notice';
import type { LaunchAtLogin } from './launch-at-login';
import { MainWindow, type WindowPort } from './main-window';
import { OnlineWatcher } from './online-watcher';
import { createQuitCleanup, type QuitEvent } from './quit-cleanup';
import { showWindowOnStartup } from './startup-window';
import { copySupportReport } from './support-report';
import type { TrayAction, TrayState } from './tray-model';

export interface TrayPort {
  render(state: TrayState): void;
  /** Re-render with the last state (theme or display scale changed). */
  refresh(): void;
  destroy(): void;
}

export interface Notice {
  title: string;
  body: string;
  onClick?: () => void;
}

export interface AppPort {
  isReady(): boolean;
  quit(): void;
}

interface ControllerDeps {
  platform: string;
  app: AppPort;
  windows: WindowPort;
  log: { info(message: string): void; warn(message: string): void };
}

export interface ReadyPorts {
  service: GridpassService;
  tray: TrayPort;
  notify(notice: Notice): void;
  launchAtLogin: LaunchAtLogin;
  /** The sites whose pages openExternal may open. */
  links: { rememberSite(site: string): void };
  clock: Clock;
  isOnline(): boolean;
  /** Launched by the OS at login (HIDDEN_FLAG, or macOS's login item). */
  startedAtLogin: boolean;
  /** How long quitting waits for the clean-up at most. */
  quitTimeoutMs?: number;
}

const defaultIntervalHours = 6;

export class DesktopController {
  readonly #deps: ControllerDeps;
  readonly window: MainWindow;
  #ready: ReadyPorts | null = null;
  #setupSite: string | null = null;
  #quitting = false;
  #accounts = new Map<string, AccountView>();
  #appState: AppStateView | null = null;
  #checking = false;
  #refreshing: Promise<void> | null = null;
  #scheduler: CheckScheduler | null = null;
  #onlineWatcher: OnlineWatcher | null = null;
  #quitCleanup: ((event: QuitEvent) => void) | null = null;

  constructor(deps: ControllerDeps) {
    this.#deps = deps;
    this.window = new MainWindow({
      windows: deps.windows,
      platform: deps.platform,
      isReady: () => deps.app.isReady(),
      isQuitting: () => this.#quitting,
    });
  }

  /** A `gridpass://` link from the command line, a second launch or macOS's open-url; false when refused. */
  acceptDeepLink(raw: string): boolean {
    const result = parseDeepLink(raw);
    if (!result.ok) {
      this.#deps.log.warn(result.reason);
      return false;
    }
    this.#setupSite = result.link.site;
    this.window.show({ screen: 'wizard', site: result.link.site });
    return true;
  }

  /** The site a link proposed for the wizard, if any (what getAppState reports as setupSite). */
  get setupSite(): string | null {
    return this.#setupSite;
  }

  /** Launching again is how the window comes back where no tray icon shows (stock GNOME). */
  secondInstance(argv: readonly string[]): void {
    const link = findDeepLinkArgument(argv);
    if (link === null || !this.acceptDeepLink(link)) this.window.show(null);
  }

  beforeQuit(): void {
    this.#quitting = true;
  }

  /** Electron's 'will-quit': held until the clean-up has run (see quit-cleanup.ts). */
  willQuit(event: QuitEvent): void {
    if (this.#quitCleanup === null) return;
    this.#quitCleanup(event);
  }

  systemResumed(): void {
    this.#scheduler?.resumed();
  }

  appearanceChanged(): void {
    this.#ready?.tray.refresh();
  }

  async start(ready: ReadyPorts): Promise<void> {
    this.#ready = ready;
    const { service } = ready;
    service.events.on((event) => this.#onServiceEvent(event));
    this.#scheduler = new CheckScheduler({
      clock: ready.clock,
      listAccounts: () => service.listAccounts({}),
      intervalHours: () => this.#appState?.settings.checkIntervalHours ?? defaultIntervalHours,
      check: (accountId, reason) => this.#scheduledCheck(accountId, reason),
      onPassStart: () => this.#setChecking(true),
      onPassEnd: () => this.#setChecking(false),
      onError: (accountId, error) => this.#deps.log.warn(`Scheduled check of ${accountId} failed: ${messageOf(error)}`),
    });
    const scheduler = this.#scheduler;
    this.#onlineWatcher = new OnlineWatcher({ clock: ready.clock, isOnline: ready.isOnline, onOnline: () => scheduler.networkRestored() });
    this.#quitCleanup = createQuitCleanup({
      cleanup: () => this.#cleanUp(),
      quit: () => this.#deps.app.quit(),
      timeoutMs: ready.quitTimeoutMs ?? 2000,
      setTimeout: (fn, ms) => ready.clock.setTimeout(fn, ms),
      onError: (error) => this.#deps.log.warn(`Clean-up before quitting failed: ${messageOf(error)}`),
    });

    await this.#applySettings();
    scheduler.start();
    this.#onlineWatcher.start();
    if (showWindowOnStartup({ startedAtLogin: ready.startedAtLogin, accountsCount: this.#accounts.size, hasSetupLink: this.#setupSite !== null })) {
      this.window.show(this.#setupSite !== null || this.#accounts.size === 0 ? { screen: 'wizard', site: this.#setupSite } : null);
    }
  }

  async trayAction(action: TrayAction): Promise<void> {
    const ready = this.#ready;
    if (ready === null) return;
    switch (action.kind) {
      case 'show-account':
        return this.window.show(action.healthy ? { screen: 'accounts' } : { screen: 'diagnose', accountId: action.accountId });
      case 'open':
        return this.window.show(this.#accounts.size === 0 ? { screen: 'wizard', site: null } : { screen: 'accounts' });
      case 'diagnose':
        return this.window.show({ screen: 'diagnose', accountId: null });
      case 'check-now':
        return this.#checkNow(ready.service);
      case 'copy-support-report':
        return this.#copySupportReport(ready);
      case 'toggle-launch-at-login':
        await ready.service.updateSettings({ launchAtLogin: !(this.#appState?.settings.launchAtLogin ?? false) });
        return;
      case 'quit':
        this.#quitting = true;
        this.#deps.app.quit();
        return;
    }
  }

  /** Resolves when the tray shows the service's current state; overlapping calls share one refresh. */
  refreshTray(): Promise<void> {
    this.#refreshing ??= this.#renderTray().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  #onServiceEvent(event: ServiceEvent): void {
    if (isAppEvent(event)) this.window.send(event);
    switch (event.type) {
      case 'site-chosen':
        this.#ready?.links.rememberSite(event.site);
        return;
      case 'accounts-changed':
        void this.refreshTray();
        void this.#scheduler?.reschedule();
        return;
      case 'settings-changed':
        void this.#applySettings();
        return;
      default:
        return;
    }
  }

  async #renderTray(): Promise<void> {
    const ready = this.#ready;
    if (ready === null) return;
    try {
      const [appState, accounts] = await Promise.all([ready.service.getAppState({}), ready.service.listAccounts({})]);
      this.#appState = appState;
      this.#accounts = new Map(accounts.map((account) => [account.id, account]));
      for (const account of accounts) ready.links.rememberSite(account.site);
      ready.tray.render({
        accounts: accounts.map(({ id, login, host, health, checksPaused }) => ({ id, login, host, health, checksPaused })),
        checking: this.#checking,
        launchAtLogin: appState.settings.launchAtLogin,
        problem: appState.keychain.state === 'ok' ? null : `Keychain ${appState.keychain.state}: ${appState.keychain.fix}`,
      });
    } catch (error) {
      this.#deps.log.warn(`Tray refresh failed: ${messageOf(error)}`);
    }
  }

  async #applySettings(): Promise<void> {
    const ready = this.#ready;
    if (ready === null) return;
    await this.refreshTray();
    try {
      const wanted = this.#appState?.settings.launchAtLogin ?? false;
      // Writing it again while on keeps the entry pointing at this copy (a new AppImage has a new path).
      if (wanted || (await ready.launchAtLogin.isEnabled())) await ready.launchAtLogin.setEnabled(wanted);
    } catch (error) {
      this.#deps.log.warn(`Launch at login could not be updated: ${messageOf(error)}`);
    }
    await this.#scheduler?.reschedule();
  }

  #setChecking(checking: boolean): void {
    this.#checking = checking;
    void this.refreshTray();
  }

  async #scheduledCheck(accountId: string, reason: ScheduledReason): Promise<void> {
    const ready = this.#ready;
    if (ready === null) return;
    const before = this.#accounts.get(accountId);
    const after = await ready.service.runScheduledCheck(accountId, reason);
    const notice = healthNotice(before, after);
    if (notice !== null && this.#appState?.settings.notifications !== false) {
      ready.notify({ title: notice.title, body: notice.body, onClick: () => this.window.show(notice.target) });
    }
    this.#accounts.set(after.id, after);
  }

  /** Paused logins were refused: another try could lock the account, so they wait for the person. */
  async #checkNow(service: GridpassService): Promise<void> {
    for (const account of [...this.#accounts.values()]) {
      if (account.checksPaused) continue;
      try {
        await service.checkAccount({ accountId: account.id });
      } catch (error) {
        this.#deps.log.warn(`Check now of ${account.id} failed: ${messageOf(error)}`);
      }
    }
  }

  async #copySupportReport(ready: ReadyPorts): Promise<void> {
    const result = await copySupportReport({ handlers: ready.service, events: ready.service.events }).catch(
      (error: unknown) => ({ ok: false as const, message: `The report could not be made (${messageOf(error)}).` }),
    );
    ready.notify(result.ok
      ? { title: 'Support report copied', body: 'Paste it into your message to support. Passwords and tokens are removed.' }
      : { title: 'No support report copied', body: result.message });
  }

  async #cleanUp(): Promise<void> {
    this.#scheduler?.stop();
    this.#onlineWatcher?.stop();
    this.#ready?.tray.destroy();
    // Clears a PAT still waiting on the clipboard and drops what the wizard held in memory.
    await this.#ready?.service.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
