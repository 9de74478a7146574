import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../../src/app-shell/secure-window-options';

describe('secureWindowOptions', () => {
  const { webPreferences, ...window } = secureWindowOptions('/app/out/preload/preload.cjs', { packaged: true });

  it('isolates and sandboxes the renderer with no Node.js', () => {
    expect(webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('turns DevTools off in packaged builds and leaves them on for development', () => {
    expect(secureWindowOptions('/p.cjs', { packaged: true }).webPreferences.devTools).toBe(false);
    expect(secureWindowOptions('/p.cjs', { packaged: false }).webPreferences.devTools).toBe(true);
  });

  it('leaves web security, insecure content and experimental features at their safe defaults', () => {
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'enableRemoteModule']) {
      expect(webPreferences).not.toHaveProperty(key);
    }
  });

  it('stays hidden until the first paint', () => {
    expect(window).toMatchObject({ show: false, title: 'Gridpass', autoHideMenuBar: true });
  });
});
