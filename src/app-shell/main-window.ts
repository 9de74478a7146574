/**
 * The app's one window: created on demand, brought to the front when asked for, and told which
 * screen to show. A target asked for before the app is ready, or while the page is still loading,
 * waits and is delivered once the page has loaded, so a deep link or a tray click never lands on the
 * wrong screen. Electron's BrowserWindow comes in through WindowPort.
 */
import type { AppEvent, NavigationTarget } from '../ipc/contract';

export interface WindowHandle {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isLoading(): boolean;
  restore(): void;
  show(): void;
  hide(): void;
  focus(): void;
  navigate(target: NavigationTarget): void;
  sendEvent(event: AppEvent): void;
}

export interface WindowLifecycle {
  /** The page finished loading. */
  loaded(): void;
  /** The person closed the window; true keeps it (hidden) instead. */
  keepOnClose(): boolean;
  closed(): void;
}

export interface WindowPort {
  create(lifecycle: WindowLifecycle): WindowHandle;
  /** macOS: a menu-bar app must take focus, or its window opens behind the others. */
  focusApp(): void;
}

interface MainWindowDeps {
  windows: WindowPort;
  platform: string;
  isReady(): boolean;
  isQuitting(): boolean;
}

export class MainWindow {
  readonly #deps: MainWindowDeps;
  #window: WindowHandle | null = null;
  #pending: NavigationTarget | null = null;

  constructor(deps: MainWindowDeps) {
    this.#deps = deps;
  }

  /** Opens (or raises) the window; with a target, on that screen. */
  show(target: NavigationTarget | null): void {
    if (!this.#deps.isReady()) {
      this.#pending = target ?? this.#pending;
      return;
    }
    const window = this.#current() ?? this.#create();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (this.#deps.platform === 'darwin') this.#deps.windows.focusApp();
    if (target !== null) {
      this.#pending = target;
      if (!window.isLoading()) this.#flush(window);
    }
  }

  /** Forwards a service event to the window, if one is open. */
  send(event: AppEvent): void {
    this.#current()?.sendEvent(event);
  }

  isOpen(): boolean {
    return this.#current() !== null;
  }

  #current(): WindowHandle | null {
    return this.#window !== null && !this.#window.isDestroyed() ? this.#window : null;
  }

  #create(): WindowHandle {
    const window = this.#deps.windows.create({
      loaded: () => this.#flush(window),
      // Closing hides on macOS (the usual menu-bar app behaviour); elsewhere the window is rebuilt on demand.
      keepOnClose: () => this.#deps.platform === 'darwin' && !this.#deps.isQuitting(),
      closed: () => {
        if (this.#window === window) this.#window = null;
      },
    });
    this.#window = window;
    return window;
  }

  #flush(window: WindowHandle): void {
    if (this.#pending === null) return;
    window.navigate(this.#pending);
    this.#pending = null;
  }
}
