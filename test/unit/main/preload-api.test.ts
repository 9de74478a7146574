import { describe, expect, it } from 'vitest';
import { createGridpassApi } from '../../../main/preload-api';
import { channelOf, navigationChannel, requestNames } from '../../../src/ipc/contract';
import type { NavigationTarget } from '../../../src/ipc/contract';

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
  return { api, invoked, listeners, push };
}

describe('createGridpassApi', () => {
  it('has one method per request and onNavigate, nothing else', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual([...requestNames, 'onNavigate'].sort());
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

  it('listens to the navigation channel once, from the start', () => {
    const { listeners } = setup();
    expect(listeners.get(navigationChannel)?.size).toBe(1);
    expect([...listeners.keys()]).toEqual([navigationChannel]);
  });

  it('refuses a listener that is not a function', () => {
    const { api } = setup();
    expect(() => api.onNavigate('alert' as unknown as () => void)).toThrow(TypeError);
  });
});
