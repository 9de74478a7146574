// Gridpass main process: wiring only. It creates Electron's objects in the order Electron requires
// and hands them to the desktop controller (src/app-shell/desktop-controller.ts), where every
// decision is made and tested. The start-up order, top to bottom:
//   1. before 'ready': name, settings folder, app:// scheme, sandbox, single instance, deep links;
//   2. on 'ready': bundle protocol, permissions, managed config, service, IPC, tray, controller.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import {
  app, BrowserWindow, clipboard, dialog, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, protocol,
  screen, session, shell, Tray,
} from 'electron';
import { appCliArguments } from '../src/app-shell/app-cli-arguments';
import { APP_SCHEME, createBundleHandler } from '../src/app-shell/app-protocol';
import { appLayout } from '../src/app-shell/app-layout';
import { systemClock } from '../src/app-shell/clock';
import { findDeepLinkArgument } from '../src/app-shell/deep-link';
import { DesktopController } from '../src/app-shell/desktop-controller';
import { ExternalLinkPolicy } from '../src/app-shell/external-link-policy';
import { HIDDEN_FLAG } from '../src/app-shell/launch-at-login';
import { LogFile } from '../src/app-shell/log-file';
import { originOf, rendererLocation } from '../src/app-shell/renderer-origin';
import { secureWindowOptions } from '../src/app-shell/secure-window-options';
import { SecretList } from '../src/redaction/redact';
import { userDataDir } from '../src/settings/user-data-dir';
import { runAppCli } from './app-cli';
import { createAppService } from './app-service';
import {
  APP_ID, createAppLaunchAtLogin, createNotifier, createTray, linkPolicyFor, loadAppManagedConfig, practiceSiteOrigin, registerDeepLinkClient,
  setApplicationMenu,
} from './desktop-parts';
import { denyAllPermissions, hardenWebContents } from './harden-web-contents';
import { createSenderCheck, registerWithElectron } from './ipc/validated-ipc';
import { createSafeOpenExternal } from './safe-open-external';
import { createWindowPort } from './window-port';

// `Gridpass session --site S` and the other gridpass commands: run before any window, tray or
// single-instance lock, so a tool's call never opens the app or disturbs the one already running.
const cliArguments = appCliArguments(process.argv, process.defaultApp === true);
if (cliArguments !== null) await runAppCli(cliArguments, (code) => app.exit(code));

const layout = appLayout({ mainDir: path.dirname(fileURLToPath(import.meta.url)), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
const location = rendererLocation({ isPackaged: app.isPackaged, devServerUrl: process.env.GRIDPASS_RENDERER_URL });
const practiceSite = practiceSiteOrigin(process.env.GRIDPASS_PRACTICE_SITE);

// The same folder the CLI reads (and GRIDPASS_HOME for tests and portable setups).
app.setName('Gridpass');
app.setPath('userData', userDataDir(process.platform, process.env, os.homedir()));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
// Before 'ready': app:// must be a standard, secure scheme to get a real origin (checklist 18).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

// The service tells this list every secret an operation handles, so the log masks them as reports do.
const secrets = new SecretList();
const log = new LogFile({ dir: app.getPath('logs'), redact: secrets.redact });
const logLine = (message: string) => log.info(message);
let currentWindow: BrowserWindow | null = null;
let links = new ExternalLinkPolicy({ allowLoopbackHttp: practiceSite !== null });
const safeOpenExternal = createSafeOpenExternal({ policy: { check: (url) => links.check(url) }, openExternal: (url) => shell.openExternal(url), log: logLine });

const controller = new DesktopController({
  platform: process.platform,
  app: { isReady: () => app.isReady(), quit: () => app.quit() },
  log,
  windows: createWindowPort({
    BrowserWindow,
    app,
    options: { ...secureWindowOptions(layout.preloadPath, { packaged: app.isPackaged }), icon: layout.windowIconPath },
    entryUrl: location.entryUrl,
    onCreated: (window) => (currentWindow = window),
  }),
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (!registerDeepLinkClient(app)) log.warn('Could not register as the handler of gridpass:// links.');
  // macOS delivers links through open-url, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    controller.acceptDeepLink(url);
  });
  app.on('second-instance', (_event, argv) => controller.secondInstance(argv));
  const initialLink = findDeepLinkArgument(process.argv);
  if (initialLink !== null) controller.acceptDeepLink(initialLink);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, {
    trustedOrigins: () => location.trustedOrigins, openExternal: (url) => void safeOpenExternal(url), log: logLine,
  }));
  // A tray app keeps running with no window open; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => controller.beforeQuit());
  app.on('will-quit', (event) => controller.willQuit(event));
  app.whenReady().then(start).catch((error: unknown) => {
    log.error(`Start-up failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    dialog.showErrorBox('Gridpass could not start', `See the log file for details:\n${log.path}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  log.info(`Gridpass ${app.getVersion()} starting on ${process.platform} ${os.release()} (Electron ${process.versions.electron})`);
  if (location.notice) log.warn(location.notice);
  setApplicationMenu(app, Menu);
  protocol.handle(APP_SCHEME, createBundleHandler({
    rootDir: layout.rendererDir,
    readFile: (file) => readFile(file),
    onRefused: (url, reason) => log.warn(`app:// refused ${originOf(url) ?? 'a request'}: ${reason}`),
  }));
  denyAllPermissions(session.defaultSession, logLine);

  const managed = await loadAppManagedConfig(app.isPackaged);
  for (const notice of managed.notices) log.warn(notice);
  links = linkPolicyFor(managed.config, practiceSite);

  const service = await createAppService({
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    net, session: session.defaultSession, clipboard, dialog,
    parentWindow: () => currentWindow,
    managedConfig: managed.config,
    managedConfigNotices: managed.notices,
    setupSite: () => controller.setupSite ?? managed.config?.site ?? practiceSite,
    openExternal: safeOpenExternal,
    log: logLine,
    secrets,
  });
  await registerWithElectron(service, createSenderCheck({
    trustedOrigins: () => location.trustedOrigins,
    isOwnWebContents: (sender) => BrowserWindow.getAllWindows().some((window) => window.webContents === sender),
  }), logLine);

  const tray = createTray({
    Tray, buildMenu: (template) => Menu.buildFromTemplate(template),
    createImageFromPath: (file) => nativeImage.createFromPath(file),
    scaleFactor: () => screen.getPrimaryDisplay().scaleFactor,
    trayIconDir: layout.trayIconDir,
    onAction: (action) => void controller.trayAction(action),
  });
  nativeTheme.on('updated', () => controller.appearanceChanged());
  // The Linux tray image is picked for the display scale.
  screen.on('display-metrics-changed', () => controller.appearanceChanged());
  powerMonitor.on('resume', () => controller.systemResumed());
  await controller.start({
    service, tray, links,
    notify: createNotifier(Notification),
    launchAtLogin: createAppLaunchAtLogin(app),
    clock: systemClock,
    isOnline: () => net.isOnline(),
    startedAtLogin: process.argv.includes(HIDDEN_FLAG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true),
  });
}
