/**
 * The desktop controller's ready-time ports built from Electron's objects: the tray, notifications,
 * launch at login and the studio's managed config. Each is a few lines of wiring around a tested
 * module; they live here so main.ts shows only the start-up order.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { App, Menu as MenuType, NativeImage, Notification as NotificationType, NotificationConstructorOptions, Tray as TrayType } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayPort } from '../src/app-shell/desktop-controller';
import { ExternalLinkPolicy } from '../src/app-shell/external-link-policy';
import { DEEP_LINK_SCHEME } from '../src/app-shell/deep-link';
import { createLaunchAtLogin, type LaunchAtLogin } from '../src/app-shell/launch-at-login';
import { loadManagedConfig, managedConfigPaths } from '../src/app-shell/managed-config';
import { originOf } from '../src/app-shell/renderer-origin';
import type { ManagedConfigView } from '../src/ipc/contract';
import { trayIconFile, type TrayAction, type TrayIcon } from '../src/app-shell/tray-model';
import { createDesktopNotifier } from './desktop-notifier';
import { TrayService } from './tray-service';

export const APP_ID = 'com.gridpass.app';

export function createTray(deps: {
  Tray: new (image: NativeImage) => TrayType;
  buildMenu: (template: MenuItemConstructorOptions[]) => MenuType;
  createImageFromPath: (file: string) => NativeImage;
  scaleFactor: () => number;
  trayIconDir: string;
  onAction: (action: TrayAction) => void;
}): TrayPort {
  return new TrayService({
    platform: process.platform,
    createTray: (image) => new deps.Tray(image),
    loadImage: (icon: TrayIcon) => deps.createImageFromPath(path.join(deps.trayIconDir, trayIconFile(icon, process.platform, deps.scaleFactor()))),
    buildMenu: deps.buildMenu,
    onAction: deps.onAction,
  });
}

export function createNotifier(Notification: { new (options: NotificationConstructorOptions): NotificationType; isSupported(): boolean }) {
  return createDesktopNotifier({
    platform: process.platform,
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
  });
}

export function createAppLaunchAtLogin(app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>): LaunchAtLogin {
  return createLaunchAtLogin({
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
}

export function loadAppManagedConfig(isPackaged: boolean) {
  return loadManagedConfig(
    managedConfigPaths({
      platform: process.platform,
      env: process.env,
      executableDir: isPackaged ? path.dirname(process.env.APPIMAGE ?? process.execPath) : null,
      resourcesDir: isPackaged ? process.resourcesPath : null,
    }),
  );
}

/**
 * The pages openExternal may open from the start: the fixed Autodesk pages, the hosts and the site
 * the studio's managed config names, and the practice site of a demo. Sites the person chooses are
 * added as the service announces them.
 */
export function linkPolicyFor(managed: ManagedConfigView | null, practiceSite: string | null): ExternalLinkPolicy {
  const helpHost = managed?.helpUrl ? new URL(managed.helpUrl).host : null;
  const policy = new ExternalLinkPolicy({
    managedHosts: [...(managed?.extraAllowedHosts ?? []), ...(helpHost ? [helpHost] : [])],
    allowLoopbackHttp: practiceSite !== null,
  });
  for (const site of [managed?.site, practiceSite]) if (site) policy.rememberSite(site);
  return policy;
}

export function setApplicationMenu(app: Pick<App, 'dock'>, Menu: Pick<typeof MenuType, 'setApplicationMenu' | 'buildFromTemplate'>): void {
  if (process.platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  app.dock?.hide();
  // Without an Edit menu, Cmd+C / Cmd+V do nothing in the window's text fields on macOS.
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]));
}

/** Registers gridpass:// links; false when the OS refused. */
export function registerDeepLinkClient(app: Pick<App, 'setAsDefaultProtocolClient'>): boolean {
  // An unpackaged `electron .` must name the app script, or the link would start a bare Electron.
  return process.defaultApp && process.argv[1]
    ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])])
    : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

/** The practice site is honoured only on loopback, so a stray variable cannot aim the app elsewhere. */
export function practiceSiteOrigin(raw: string | undefined): string | null {
  const origin = raw ? originOf(raw) : null;
  if (origin === null) return null;
  const { hostname, protocol: scheme } = new URL(origin);
  return (scheme === 'http:' || scheme === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname) ? origin : null;
}

async function readTextIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
