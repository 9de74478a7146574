import { describe, expect, it } from 'vitest';
import { createGridpassApi } from '../../../main/preload-api';
import { appEventChannel, channelOf, navigationChannel, requestNames } from '../../../src/ipc/contract';
import type { AppEvent, NavigationTarget } from '../../../src/ipc/contract';

function setup() {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = createGridpassApi({
    invoke: async (channel, request) => { invoked.push([channel, request]); return { channel }; },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  });
  const push = (payload: unknown) => listeners.get(navigationChannel)?.forEach((listener) => listener(payload));
  const pushEvent = (payload: unknown) => listeners.get(appEventChannel)?.forEach((listener) => listener(payload));
  return { api, invoked, listeners, push, pushEvent };
}

describe('createGridpassApi', () => {
  it('hands event listeners validated events only, and stops after unsubscribing', () => {
    const { api, pushEvent } = setup();
    const received: AppEvent[] = [];
    const off = api.onEvent((event) => received.push(event));
    pushEvent({ type: 'diagnose-finished', runId: 'run-1' });
    pushEvent({ type: 'accounts-changed', accounts: ['smuggled'] });
    pushEvent({ type: 'secret-leaked' });
    pushEvent('accounts-changed');
    off();
    pushEvent({ type: 'accounts-changed' });
    expect(received).toEqual([{ type: 'diagnose-finished', runId: 'run-1' }]);
  });

  it('has one method per request, onNavigate and onEvent, nothing else', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual([...requestNames, 'onNavigate', 'onEvent'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own contract channel', async () => {
    const { api, invoked } = setup();
    await expect(api.probeSite({ address: 'mystudio' })).resolves.toEqual({ channel: channelOf('probeSite') });
    await api.listAccounts({});
    expect(invoked).toEqual([[channelOf('probeSite'), { address: 'mystudio' }], [channelOf('listAccounts'), {}]]);
  });

  it('hands listeners validated navigation targets only, and stops after unsubscribing', () => {
    const { api, push } = setup();
    const received: NavigationTarget[] = [];
    const off = api.onNavigate((target) => received.push(target));
    push({ screen: 'diagnose', accountId: 'a' });
    push({ screen: 'shell', command: 'rm -rf' });
    push('settings');
    push({ screen: 'settings' });
    expect(received).toEqual([{ screen: 'diagnose', accountId: 'a' }, { screen: 'settings' }]);
    off();
    push({ screen: 'accounts' });
    expect(received).toHaveLength(2);
  });

  it('keeps a target sent before the page subscribed and hands it to the first listener only', () => {
    const { api, push } = setup();
    push({ screen: 'settings' });
    push({ screen: 'diagnose', accountId: 'a' });
    push({ screen: 'shell' });
    const first: NavigationTarget[] = [];
    const second: NavigationTarget[] = [];
    api.onNavigate((target) => first.push(target));
    api.onNavigate((target) => second.push(target));
    expect(first).toEqual([{ screen: 'diagnose', accountId: 'a' }]);
    expect(second).toEqual([]);
  });

  it('keeps a target that arrives while a re-rendering page has no listener', () => {
    const { api, push } = setup();
    const received: NavigationTarget[] = [];
    api.onNavigate(() => undefined)();
    push({ screen: 'accounts' });
    api.onNavigate((target) => received.push(target));
    expect(received).toEqual([{ screen: 'accounts' }]);
  });

  it('listens to the navigation and event channels once each, from the start', () => {
    const { listeners } = setup();
    expect(listeners.get(navigationChannel)?.size).toBe(1);
    expect(listeners.get(appEventChannel)?.size).toBe(1);
    expect([...listeners.keys()].sort()).toEqual([appEventChannel, navigationChannel].sort());
  });

  it('refuses a listener that is not a function', () => {
    const { api } = setup();
    expect(() => api.onNavigate('alert' as unknown as () => void)).toThrow(TypeError);
  });
});
