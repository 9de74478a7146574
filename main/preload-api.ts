/**
 * Builds `window.gridpass` from two primitives the preload hands in: invoke a contract channel, and
 * subscribe to one of main's two push channels (navigation, events). One named method per request and nothing else: the page
 * never sees ipcRenderer, a channel name of its choosing, or an IpcRendererEvent (checklist item 20).
 */
import { appEventChannel, appEventSchema, channelOf, navigationChannel, navigationSchema, requestNames } from '../src/ipc/contract';
import type { AppEvent, GridpassApi, NavigationTarget, RequestName } from '../src/ipc/contract';

export interface PreloadBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Delivers each message's payload only; returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function createGridpassApi(bridge: PreloadBridge): GridpassApi {
  const methods = Object.fromEntries(
    requestNames.map((name: RequestName) => [name, (request: unknown) => bridge.invoke(channelOf(name), request)]),
  );
  const listeners = new Set<(target: NavigationTarget) => void>();
  // Main sends the target of a freshly opened window as soon as the page has loaded, but the page
  // subscribes only once its first IPC round trip is done. Listening from the start and keeping the
  // latest unheard target means a tray or notification click still lands on the screen it named.
  let unheard: NavigationTarget | null = null;
  bridge.subscribe(navigationChannel, (payload) => {
    const parsed = navigationSchema.safeParse(payload);
    if (!parsed.success) return;
    if (listeners.size === 0) {
      unheard = parsed.data;
      return;
    }
    for (const listener of [...listeners]) listener(parsed.data);
  });
  const onNavigate = (listener: (target: NavigationTarget) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onNavigate needs a function');
    listeners.add(listener);
    if (unheard !== null) {
      const target = unheard;
      unheard = null;
      listener(target);
    }
    return () => {
      listeners.delete(listener);
    };
  };
  const eventListeners = new Set<(event: AppEvent) => void>();
  // Events say only what changed; a page that subscribes late asks for the current state anyway.
  bridge.subscribe(appEventChannel, (payload) => {
    const parsed = appEventSchema.safeParse(payload);
    if (!parsed.success) return;
    for (const listener of [...eventListeners]) listener(parsed.data);
  });
  const onEvent = (listener: (event: AppEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    eventListeners.add(listener);
    return () => {
      eventListeners.delete(listener);
    };
  };
  return Object.freeze({ ...methods, onNavigate, onEvent }) as GridpassApi;
}
