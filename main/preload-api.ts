/**
 * Builds `window.gridpass` from two primitives the preload hands in: invoke a contract channel, and
 * subscribe to the navigation channel. One named method per request and nothing else: the page
 * never sees ipcRenderer, a channel name of its choosing, or an IpcRendererEvent (checklist item 20).
 */
import { channelOf, navigationChannel, navigationSchema, requestNames } from '../src/ipc/contract';
import type { GridpassApi, NavigationTarget, RequestName } from '../src/ipc/contract';

export interface PreloadBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Delivers each message's payload only; returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function createGridpassApi(bridge: PreloadBridge): GridpassApi {
  const methods = Object.fromEntries(
    requestNames.map((name: RequestName) => [name, (request: unknown) => bridge.invoke(channelOf(name), request)]),
  );
  const onNavigate = (listener: (target: NavigationTarget) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onNavigate needs a function');
    return bridge.subscribe(navigationChannel, (payload) => {
      const parsed = navigationSchema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };
  return Object.freeze({ ...methods, onNavigate }) as GridpassApi;
}
