// Gridpass main process: wiring only. Every decision (window options, origins, links, schedule, tray
// menu, managed config, logging) lives in src/app-shell or in main/ modules with injected Electron
// parts, where it is unit-tested; this file hands Electron's objects to them in the right order.
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import tls from 'node:tls';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app, BrowserWindow, clipboard, dialog, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, protocol,
  screen, session, shell, Tray,
} from 'electron';
import ElectronStore from 'electron-store';
import { APP_SCHEME, createBundleHandler } from '../src/app-shell/app-protocol';
import { appLayout } from '../src/app-shell/app-layout';
import { CheckScheduler } from '../src/app-shell/check-scheduler';
import { withOpaqueRedirects } from '../src/app-shell/chromium-fetch';
import { chromiumNetworkStack } from '../src/app-shell/chromium-network-stack';
import type { ScheduledReason } from '../src/app-shell/check-scheduler';
import { systemClock } from '../src/app-shell/clock';
import { DEEP_LINK_SCHEME, findDeepLinkArgument, parseDeepLink } from '../src/app-shell/deep-link';
import { ExternalLinkPolicy } from '../src/app-shell/external-link-policy';
import { healthNotice } from '../src/app-shell/health-notice';
import { createLaunchAtLogin, HIDDEN_FLAG } from '../src/app-shell/launch-at-login';
import { LogFile } from '../src/app-shell/log-file';
import { loadManagedConfig, managedConfigPaths } from '../src/app-shell/managed-config';
import { OnlineWatcher } from '../src/app-shell/online-watcher';
import { createQuitCleanup } from '../src/app-shell/quit-cleanup';
import { originOf, rendererLocation } from '../src/app-shell/renderer-origin';
import { secureWindowOptions } from '../src/app-shell/secure-window-options';
import { withShellEffects } from '../src/app-shell/shell-effects';
import { showWindowOnStartup } from '../src/app-shell/startup-window';
import { copySupportReport } from '../src/app-shell/support-report';
import { trayIconFile } from '../src/app-shell/tray-model';
import type { TrayAction, TrayIcon } from '../src/app-shell/tray-model';
import { createNodeNetworkProbes } from '../src/diagnosis/node-network-probes';
import { createRedactor } from '../src/diagnosis/redact';
import { navigationChannel } from '../src/ipc/contract';
import type { AccountView, AppStateView, NavigationTarget } from '../src/ipc/contract';
import { createGridpassService } from '../src/services/gridpass-service';
import type { GridpassSettingsFile } from '../src/settings/settings-schema';
import { openSettingsStore } from '../src/settings/settings-store';
import { userDataDir } from '../src/settings/user-data-dir';
import { createKeychainVault, keychainServiceName } from '../src/vault/keychain-vault';
import { createDesktopNotifier } from './desktop-notifier';
import { denyAllPermissions, hardenWebContents } from './harden-web-contents';
import { createSenderCheck, registerWithElectron } from './ipc/validated-ipc';
import { createSafeOpenExternal } from './safe-open-external';
import { TrayService } from './tray-service';

const APP_ID = 'com.gridpass.app';
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const layout = appLayout({ mainDir, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
const location = rendererLocation({ isPackaged: app.isPackaged, devServerUrl: process.env.GRIDPASS_RENDERER_URL });
const practiceSite = practiceSiteOrigin(process.env.GRIDPASS_PRACTICE_SITE);

// The same folder the CLI reads (and GRIDPASS_HOME for tests and portable setups), whatever name
// Electron would derive from how it was started.
app.setName('Gridpass');
app.setPath('userData', userDataDir(process.platform, process.env, os.homedir()));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

// Before 'ready': app:// must be a standard, secure scheme to get a real origin (checklist 18).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const log = new LogFile({ dir: app.getPath('logs'), redact: createRedactor([]) });
const logLine = (message: string) => log.info(message);
let mainWindow: BrowserWindow | null = null;
let pendingNavigation: NavigationTarget | null = null;
let pendingSetupSite: string | null = null;
let quitting = false;

// Replaced once the managed config is read; the handlers below always ask the current one.
const linkPolicyHolder: { policy: ExternalLinkPolicy } = { policy: new ExternalLinkPolicy({ allowLoopbackHttp: practiceSite !== null }) };
const safeOpenExternal = createSafeOpenExternal({
  policy: { check: (url) => linkPolicyHolder.policy.check(url) },
  openExternal: (url) => shell.openExternal(url),
  log: logLine,
});
const hardening = {
  trustedOrigins: () => location.trustedOrigins,
  openExternal: (url: string) => void safeOpenExternal(url),
  log: logLine,
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerDeepLinkClient();
  // macOS delivers links through open-url, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    acceptDeepLink(url);
  });
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkArgument(argv);
    if (link === null || !acceptDeepLink(link)) showWindow(null);
  });
  const initialLink = findDeepLinkArgument(process.argv);
  if (initialLink !== null) acceptDeepLink(initialLink);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardening));
  // A tray app keeps running with no window open; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.whenReady().then(start).catch((error: unknown) => {
    log.error(`Start-up failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    dialog.showErrorBox('Gridpass could not start', `See the log file for details:\n${log.path}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  log.info(`Gridpass ${app.getVersion()} starting on ${process.platform} ${os.release()} (Electron ${process.versions.electron})`);
  if (location.notice) log.warn(location.notice);
  if (process.platform === 'darwin') {
    app.dock?.hide();
    // Without an Edit menu, Cmd+C / Cmd+V do nothing in the window's text fields on macOS.
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]));
  } else {
    Menu.setApplicationMenu(null);
  }

  protocol.handle(APP_SCHEME, createBundleHandler({
    rootDir: layout.rendererDir,
    readFile: (file) => readFile(file),
    onRefused: (url, reason) => log.warn(`app:// refused ${originOf(url) ?? 'a request'}: ${reason}`),
  }));
  denyAllPermissions(session.defaultSession, logLine);

  const managed = await loadManagedConfig(
    managedConfigPaths({
      platform: process.platform,
      env: process.env,
      executableDir: app.isPackaged ? path.dirname(process.env.APPIMAGE ?? process.execPath) : null,
      resourcesDir: app.isPackaged ? process.resourcesPath : null,
    }),
    { readFile: readTextIfPresent },
  );
  for (const notice of managed.notices) log.warn(notice);
  const helpHost = managed.config?.helpUrl ? new URL(managed.config.helpUrl).host : null;
  linkPolicyHolder.policy = new ExternalLinkPolicy({
    managedHosts: [...(managed.config?.extraAllowedHosts ?? []), ...(helpHost ? [helpHost] : [])],
    allowLoopbackHttp: practiceSite !== null,
  });
  for (const site of [managed.config?.site, practiceSite]) if (site) linkPolicyHolder.policy.rememberSite(site);

  const notifyDesktop = createDesktopNotifier({
    platform: process.platform,
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
  });

  const service = createGridpassService({
    version: app.getVersion(),
    platform: process.platform,
    fetch: withOpaqueRedirects((url, init) => net.fetch(url, init)),
    network: chromiumNetworkStack(await resolveProxyForReports()),
    settings: openSettingsStore({
      cwd: app.getPath('userData'),
      createBackend: (options) => new ElectronStore<GridpassSettingsFile>(options),
    }),
    vault: createKeychainVault({ service: keychainServiceName(process.env), platform: process.platform }),
    managedConfig: managed.config,
    managedConfigNotices: managed.notices,
    setupSite: () => pendingSetupSite ?? managed.config?.site ?? practiceSite,
    openExternal: safeOpenExternal,
    clipboard: { writeText: (text: string) => clipboard.writeText(text), readText: () => clipboard.readText() },
    saveFile: saveFileWithDialog,
    // The Diagnose TLS check uses Node's TLS; trusting the OS store as net.fetch does keeps a studio
    // proxy's CA from failing the check while the app's own requests work.
    networkProbes: createNodeNetworkProbes({ extraCaCertificates: systemCaCertificates() }),
    now: () => new Date(),
  });

  const launchAtLogin = createLaunchAtLogin({
    platform: process.platform,
    appId: APP_ID,
    loginItems: app,
    autostartDir: path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'autostart'),
    execPath: process.execPath,
    appImagePath: process.env.APPIMAGE,
    files: {
      readFile: readTextIfPresent,
      writeFile: async (file, text) => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text, { mode: 0o644 });
      },
      removeFile: (file) => rm(file, { force: true }),
    },
  });

  let knownAccounts = new Map<string, AccountView>();
  let lastAppState: AppStateView | null = null;
  let checking = false;
  let refreshing: Promise<void> | null = null;

  const tray = new TrayService({
    platform: process.platform,
    createTray: (image) => new Tray(image),
    loadImage: (icon: TrayIcon) => nativeImage.createFromPath(
      path.join(layout.trayIconDir, trayIconFile(icon, process.platform, screen.getPrimaryDisplay().scaleFactor)),
    ),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    onAction: (action) => void onTrayAction(action),
  });

  const handlers = withShellEffects(service, {
    siteSeen: (site) => linkPolicyHolder.policy.rememberSite(site),
    accountsChanged: () => {
      void refreshTray();
      void scheduler.reschedule();
    },
    settingsChanged: () => void applySettings(),
    onError: (error) => log.warn(`Shell update failed: ${String(error)}`),
  });

  const scheduler = new CheckScheduler({
    clock: systemClock,
    listAccounts: () => handlers.listAccounts({}),
    intervalHours: () => lastAppState?.settings.managed?.checkIntervalHours ?? lastAppState?.settings.checkIntervalHours ?? 6,
    check: async (accountId: string, reason: ScheduledReason) => {
      const before = knownAccounts.get(accountId);
      const after = await service.runScheduledCheck(accountId, reason);
      const notice = healthNotice(before, after);
      if (notice !== null && lastAppState?.settings.notifications !== false) {
        notifyDesktop({ title: notice.title, body: notice.body, onClick: () => showWindow(notice.target) });
      }
      knownAccounts.set(after.id, after);
    },
    onPassStart: () => {
      checking = true;
      void refreshTray();
    },
    onPassEnd: () => {
      checking = false;
      void refreshTray();
    },
    onError: (accountId, error) => log.warn(`Scheduled check of ${accountId} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  const onlineWatcher = new OnlineWatcher({ clock: systemClock, isOnline: () => net.isOnline(), onOnline: () => scheduler.networkRestored() });

  async function refreshTray(): Promise<void> {
    // Renders are cheap but not free; overlapping refreshes collapse into the running one.
    refreshing ??= (async () => {
      try {
        const [appState, accounts] = await Promise.all([handlers.getAppState({}), handlers.listAccounts({})]);
        lastAppState = appState;
        knownAccounts = new Map(accounts.map((account) => [account.id, account]));
        tray.render({
          accounts: accounts.map(({ id, login, host, health, checksPaused }) => ({ id, login, host, health, checksPaused })),
          checking,
          launchAtLogin: appState.settings.launchAtLogin,
          problem: appState.keychain.state === 'ok' ? null : `Keychain ${appState.keychain.state}: ${appState.keychain.fix}`,
        });
      } catch (error) {
        log.warn(`Tray refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function applySettings(): Promise<void> {
    await refreshTray();
    const wanted = lastAppState?.settings.launchAtLogin ?? false;
    // Writing it again while on keeps the entry pointing at this copy (a new AppImage has a new path).
    if (wanted || (await launchAtLogin.isEnabled())) await launchAtLogin.setEnabled(wanted);
    await scheduler.reschedule();
  }

  async function onTrayAction(action: TrayAction): Promise<void> {
    switch (action.kind) {
      case 'show-account':
        return showWindow(action.healthy ? { screen: 'accounts' } : { screen: 'diagnose', accountId: action.accountId });
      case 'check-now':
        // Paused logins failed authentication: another try could lock the account, so they wait
        // for the person to fix them in the window.
        for (const account of knownAccounts.values()) {
          if (!account.checksPaused) await handlers.checkAccount({ accountId: account.id });
        }
        return;
      case 'open':
        return showWindow(knownAccounts.size === 0 ? { screen: 'wizard', site: null } : { screen: 'accounts' });
      case 'diagnose':
        return showWindow({ screen: 'diagnose', accountId: null });
      case 'copy-support-report': {
        const result = await copySupportReport({ handlers, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
        notifyDesktop(result.ok
          ? { title: 'Support report copied', body: 'Paste it into your message to support. Passwords and tokens are removed.' }
          : { title: 'No support report copied', body: result.message });
        return;
      }
      case 'toggle-launch-at-login':
        await handlers.updateSettings({ launchAtLogin: !(lastAppState?.settings.launchAtLogin ?? false) });
        return;
      case 'quit':
        quitting = true;
        app.quit();
        return;
    }
  }

  await registerWithElectron(
    handlers,
    createSenderCheck({
      trustedOrigins: () => location.trustedOrigins,
      isOwnWebContents: (sender) => BrowserWindow.getAllWindows().some((window) => window.webContents === sender),
    }),
    logLine,
  );

  nativeTheme.on('updated', () => tray.refresh());
  // The Linux tray image is picked for the display scale.
  screen.on('display-metrics-changed', () => tray.refresh());
  powerMonitor.on('resume', () => scheduler.resumed());
  await applySettings();
  scheduler.start();
  onlineWatcher.start();

  const startedAtLogin = process.argv.includes(HIDDEN_FLAG)
    || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true);
  if (showWindowOnStartup({ startedAtLogin, accountsCount: knownAccounts.size, hasSetupLink: pendingSetupSite !== null })) {
    showWindow(pendingSetupSite !== null || knownAccounts.size === 0 ? { screen: 'wizard', site: pendingSetupSite } : null);
  }
  app.on('will-quit', createQuitCleanup({
    cleanup: async () => {
      scheduler.stop();
      onlineWatcher.stop();
      tray.destroy();
      // Clears a PAT still waiting on the clipboard and drops what the wizard held in memory.
      await service.dispose();
    },
    quit: () => app.quit(),
    timeoutMs: 2000,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    onError: (error) => log.warn(`Clean-up before quitting failed: ${error instanceof Error ? error.message : String(error)}`),
  }));
}

/** The proxy Chromium picks, for reports only: a broken PAC script must not stop the app starting. */
async function resolveProxyForReports(): Promise<string> {
  try {
    return await session.defaultSession.resolveProxy('https://www.autodesk.com/');
  } catch (error) {
    log.warn(`Could not resolve the proxy: ${error instanceof Error ? error.message : String(error)}`);
    return 'DIRECT';
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({ ...secureWindowOptions(layout.preloadPath), icon: layout.windowIconPath });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () => flushNavigation(window));
  window.on('close', (event) => {
    // Closing hides on macOS (the usual menu-bar app behaviour); elsewhere the window is rebuilt on demand.
    if (process.platform === 'darwin' && !quitting) {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(location.entryUrl);
  return window;
}

function showWindow(target: NavigationTarget | null): void {
  if (!app.isReady()) {
    pendingNavigation = target ?? pendingNavigation;
    return;
  }
  if (mainWindow === null || mainWindow.isDestroyed()) mainWindow = createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  if (process.platform === 'darwin') app.focus({ steal: true });
  if (target !== null) {
    pendingNavigation = target;
    if (!mainWindow.webContents.isLoading()) flushNavigation(mainWindow);
  }
}

function flushNavigation(window: BrowserWindow): void {
  if (pendingNavigation === null) return;
  window.webContents.send(navigationChannel, pendingNavigation);
  pendingNavigation = null;
}

/** Returns false when the link was refused (it is logged; the caller may still show the window). */
function acceptDeepLink(raw: string): boolean {
  const result = parseDeepLink(raw);
  if (!result.ok) {
    log.warn(result.reason);
    return false;
  }
  pendingSetupSite = result.link.site;
  showWindow({ screen: 'wizard', site: result.link.site });
  return true;
}

function registerDeepLinkClient(): void {
  // An unpackaged `electron .` must name the app script, or the link would start a bare Electron.
  const registered = process.defaultApp && process.argv[1]
    ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])])
    : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) log.warn(`Could not register as the handler of ${DEEP_LINK_SCHEME}:// links.`);
}

async function saveFileWithDialog(suggestedName: string, content: string) {
  const options = { defaultPath: path.join(app.getPath('documents'), path.basename(suggestedName)) };
  const choice = mainWindow && !mainWindow.isDestroyed()
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: false as const, cancelled: true, message: 'Not saved.' };
  try {
    await writeFile(choice.filePath, content, { mode: 0o600 });
    return { ok: true as const, path: choice.filePath };
  } catch (error) {
    return { ok: false as const, cancelled: false, message: `Could not save: ${(error as NodeJS.ErrnoException).code ?? 'error'}.` };
  }
}

async function readTextIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The practice site is honoured only on loopback, so a stray variable cannot aim the app elsewhere. */
function practiceSiteOrigin(raw: string | undefined): string | null {
  const origin = raw ? originOf(raw) : null;
  if (origin === null) return null;
  const { hostname, protocol: scheme } = new URL(origin);
  return (scheme === 'http:' || scheme === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) ? origin : null;
}

/** The OS trust store's certificates (Node 22.15+ in Electron's main process); none where unavailable. */
function systemCaCertificates(): string[] {
  const read = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  try {
    return read ? read('system') : [];
  } catch {
    return [];
  }
}
