import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, hardenWebContents } from '../../../main/harden-web-contents';

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: returns whether a listener called preventDefault(). */
  attempt(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => { prevented = true; } }, ...args);
    return prevented;
  }
}

function setup() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const log: string[] = [];
  hardenWebContents(contents as unknown as WebContents, {
    trustedOrigins: () => ['app://bundle'],
    openExternal: (url) => opened.push(url),
    log: (message) => log.push(message),
  });
  return { contents, opened, log };
}

describe('hardenWebContents', () => {
  it('lets the app move between its own pages', () => {
    const { contents, opened } = setup();
    expect(contents.attempt('will-navigate', 'app://bundle/index.html#/diagnose')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('blocks navigation and redirects elsewhere and hands the URL to safeOpenExternal', () => {
    const { contents, opened, log } = setup();
    expect(contents.attempt('will-navigate', 'https://help.autodesk.com/x')).toBe(true);
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://bundle.evil/')).toBe(true);
    expect(opened).toEqual(['https://help.autodesk.com/x', 'file:///etc/passwd', 'app://bundle.evil/']);
    expect(log[0]).toBe('Blocked navigation away from the app to https://help.autodesk.com');
  });

  it('denies every new window and routes its URL to safeOpenExternal', () => {
    const { contents, opened } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://profile.autodesk.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://profile.autodesk.com/', 'app://bundle/index.html']);
  });

  it('prevents every <webview> from attaching', () => {
    const { contents } = setup();
    expect(contents.attempt('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('denies requests, checks and devices', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => { handlers.request = h; },
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => { handlers.check = h; },
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => { handlers.device = h; },
    };
    const log: string[] = [];
    denyAllPermissions(session as unknown as Session, (m) => log.push(m));
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal', 'geolocation']) {
      (handlers.request as unknown as (c: unknown, p: string, cb: (granted: boolean) => void) => void)({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers.check as unknown as () => boolean)()).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
    expect(log[0]).toBe('Denied a "media" permission request');
  });
});
