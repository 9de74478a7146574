/**
 * Locks down every webContents and the session it runs in: no navigation away from our pages
 * (checklist 13), no new windows (14), no <webview> (12), no permissions (5). Links that try to
 * leave go to safeOpenExternal, which opens them in the browser only if they are on the allow-list.
 */
import type { Session, WebContents } from 'electron';
import { isTrustedOrigin } from '../src/app-shell/renderer-origin';

export interface HardeningOptions {
  trustedOrigins: () => readonly string[];
  /** safeOpenExternal: it decides whether the URL may open in the browser. */
  openExternal: (url: string) => void;
  log: (message: string) => void;
}

export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const leaveToBrowser = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isTrustedOrigin(url, options.trustedOrigins())) return;
    event.preventDefault();
    options.log(`Blocked ${kind} away from the app to ${safeOrigin(url)}`);
    options.openExternal(url);
  };
  contents.on('will-navigate', leaveToBrowser('navigation'));
  contents.on('will-redirect', leaveToBrowser('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    options.log(`Blocked a new window for ${safeOrigin(url)}`);
    options.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('Blocked a <webview>');
  });
}

/** Gridpass needs no camera, notifications-from-pages, clipboard-read, USB... nothing at all. */
export function denyAllPermissions(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied a "${permission}" permission request`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparsable address';
  }
}
