import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createSenderCheck, FAILED_MESSAGE, INVALID_MESSAGE, REFUSED_MESSAGE, registerGridpassHandlers, validatedHandle,
} from '../../../../main/ipc/validated-ipc';
import type { IpcMainLike, SenderEvent } from '../../../../main/ipc/validated-ipc';
import { channelOf, requestNames } from '../../../../src/ipc/contract';
import type { GridpassHandlers } from '../../../../src/ipc/contract';

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

/** Records handlers the way ipcMain does, and lets a test invoke them with a hand-made event. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle: IpcMainLike['handle'] = (channel, listener) => {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener as unknown as Listener);
  };
  removeHandler: IpcMainLike['removeHandler'] = (channel) => {
    this.handlers.delete(channel);
  };
  invoke(channel: string, event: SenderEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  }
}

const ourWindow = { id: 1 };
const strangerWindow = { id: 99 };
const topFrame = { parent: null, url: 'app://bundle/index.html' };
const trustedEvent: SenderEvent = { senderFrame: topFrame, sender: ourWindow };
const check = createSenderCheck({ trustedOrigins: () => ['app://bundle'], isOwnWebContents: (sender) => sender === ourWindow });

describe('createSenderCheck', () => {
  it('trusts the top frame of our window on app://bundle', () => {
    expect(check(trustedEvent)).toBe(true);
  });

  it.each([
    ['a subframe', { senderFrame: { parent: topFrame, url: 'app://bundle/index.html' }, sender: ourWindow }],
    ['a frame that navigated away', { senderFrame: { parent: null, url: 'https://evil.example/' }, sender: ourWindow }],
    ['a look-alike origin', { senderFrame: { parent: null, url: 'app://bundle.evil/' }, sender: ourWindow }],
    ['a file:// page', { senderFrame: { parent: null, url: 'file:///tmp/index.html' }, sender: ourWindow }],
    ['a destroyed frame', { senderFrame: null, sender: ourWindow }],
    ['another webContents', { senderFrame: topFrame, sender: strangerWindow }],
  ] as const)('refuses %s', (_name, event) => {
    expect(check(event)).toBe(false);
  });

  it('trusts the dev server only when it is among the trusted origins', () => {
    const devEvent = { senderFrame: { parent: null, url: 'http://localhost:5173/' }, sender: ourWindow };
    expect(check(devEvent)).toBe(false);
    expect(createSenderCheck({ trustedOrigins: () => ['http://localhost:5173'], isOwnWebContents: () => true })(devEvent)).toBe(true);
  });
});

describe('validatedHandle', () => {
  const schema = z.object({ site: z.string().max(10), passphrase: z.string().min(1) }).strict();

  function setup(handler: (request: z.output<typeof schema>) => Promise<unknown>) {
    const ipc = new FakeIpcMain();
    const log: string[] = [];
    const received: unknown[] = [];
    validatedHandle(ipc, 'gridpass:test', schema, async (request) => { received.push(request); return handler(request); }, check, (m) => log.push(m));
    return { ipc, log, received };
  }

  it('passes a valid request from a trusted sender to the handler', async () => {
    const { ipc, received } = setup(async () => ({ ok: true }));
    await expect(ipc.invoke('gridpass:test', trustedEvent, { site: 'a', passphrase: 'pw' })).resolves.toEqual({ ok: true });
    expect(received).toEqual([{ site: 'a', passphrase: 'pw' }]);
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    const { ipc, log, received } = setup(async () => ({ ok: true }));
    const subframe = { senderFrame: { parent: topFrame, url: 'app://bundle/' }, sender: ourWindow };
    await expect(ipc.invoke('gridpass:test', subframe, { site: 'a', passphrase: 'pw' })).rejects.toThrow(REFUSED_MESSAGE);
    expect(received).toEqual([]);
    expect(log).toEqual(['IPC gridpass:test: refused a call from subframe at app://bundle']);
  });

  it.each([
    ['an unknown field', [{ site: 'a', passphrase: 'pw', extra: 1 }]],
    ['a wrong type', [{ site: 5, passphrase: 'pw' }]],
    ['an oversized value', [{ site: 'x'.repeat(11), passphrase: 'pw' }]],
    ['no argument', []],
    ['two arguments', [{ site: 'a', passphrase: 'pw' }, 'more']],
  ])('rejects %s with a generic message', async (_name, args) => {
    const { ipc, received } = setup(async () => ({ ok: true }));
    await expect(ipc.invoke('gridpass:test', trustedEvent, ...args)).rejects.toThrow(INVALID_MESSAGE);
    expect(received).toEqual([]);
  });

  it('logs only field names of an invalid request, never its values', async () => {
    const { ipc, log } = setup(async () => ({ ok: true }));
    await expect(ipc.invoke('gridpass:test', trustedEvent, { site: 'way-too-long-site', passphrase: 'hunter2-secret', x: 1 })).rejects.toThrow();
    expect(log.join('\n')).not.toContain('hunter2-secret');
    expect(log.join('\n')).toContain('invalid request (site, (request))');
  });

  it('turns a handler failure into a generic message without a stack', async () => {
    const { ipc, log } = setup(async () => { throw new TypeError('Cannot read properties of undefined (reading "vault")'); });
    const error = await ipc.invoke('gridpass:test', trustedEvent, { site: 'a', passphrase: 'pw' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(FAILED_MESSAGE);
    expect((error as Error).message).not.toContain('vault');
    expect(log).toEqual(['IPC gridpass:test: handler failed: TypeError: Cannot read properties of undefined (reading "vault")']);
  });
});

describe('registerGridpassHandlers', () => {
  it('registers every request of the contract on its channel, behind the checks', async () => {
    const ipc = new FakeIpcMain();
    const calls: string[] = [];
    const handlers = Object.fromEntries(requestNames.map((name) => [name, async () => { calls.push(name); return { name }; }])) as unknown as GridpassHandlers;
    const unregister = registerGridpassHandlers(ipc, handlers, check);
    expect([...ipc.handlers.keys()].sort()).toEqual(requestNames.map(channelOf).sort());
    await expect(ipc.invoke(channelOf('listAccounts'), trustedEvent, {})).resolves.toEqual({ name: 'listAccounts' });
    await expect(ipc.invoke(channelOf('probeSite'), trustedEvent, { address: 'mystudio' })).resolves.toEqual({ name: 'probeSite' });
    await expect(ipc.invoke(channelOf('probeSite'), trustedEvent, { address: 5 })).rejects.toThrow(INVALID_MESSAGE);
    await expect(ipc.invoke(channelOf('listAccounts'), { ...trustedEvent, sender: strangerWindow }, {})).rejects.toThrow(REFUSED_MESSAGE);
    expect(calls).toEqual(['listAccounts', 'probeSite']);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
