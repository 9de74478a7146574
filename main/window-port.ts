/**
 * The window port of the desktop controller, made of Electron's BrowserWindow: the secure options
 * (decided in src/app-shell/secure-window-options), show once painted, and the two main -> renderer
 * channels of the IPC contract.
 */
import type { App, BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { appEventChannel, navigationChannel } from '../src/ipc/contract';
import type { WindowHandle, WindowLifecycle, WindowPort } from '../src/app-shell/main-window';

export function createWindowPort(deps: {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType;
  app: Pick<App, 'focus'>;
  options: BrowserWindowConstructorOptions;
  entryUrl: string;
  /** The window just created, for dialogs that need a parent. */
  onCreated?: (window: BrowserWindowType | null) => void;
}): WindowPort {
  // Named as Electron names it, so the security scan sees where windows are made.
  const { BrowserWindow } = deps;
  return {
    create(lifecycle: WindowLifecycle): WindowHandle {
      const window = new BrowserWindow(deps.options);
      window.once('ready-to-show', () => window.show());
      window.webContents.on('did-finish-load', () => lifecycle.loaded());
      window.on('close', (event) => {
        if (!lifecycle.keepOnClose()) return;
        event.preventDefault();
        window.hide();
      });
      window.on('closed', () => {
        deps.onCreated?.(null);
        lifecycle.closed();
      });
      void window.loadURL(deps.entryUrl);
      deps.onCreated?.(window);
      return {
        isDestroyed: () => window.isDestroyed(),
        isMinimized: () => window.isMinimized(),
        isLoading: () => window.webContents.isLoading(),
        restore: () => window.restore(),
        show: () => window.show(),
        hide: () => window.hide(),
        focus: () => window.focus(),
        navigate: (target) => window.webContents.send(navigationChannel, target),
        sendEvent: (event) => window.webContents.send(appEventChannel, event),
      };
    },
    focusApp: () => deps.app.focus({ steal: true }),
  };
}
