import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { directFetch, REPLY_CUT_OFF } from '../../../src/net/direct-fetch';
import type { FetchReply } from '../../../src/net/fetch-like';
import { REPLY_NOT_HTTP } from '../../../src/net/http1-reply-parser';

/** A TCP server that hands each connection to `serve` with the bytes of the request's head and body. */
interface RawServer {
  origin: string;
  /** Every request as the server received it, one per connection. */
  received: string[];
  /** How many connections closed so far. */
  closed(): number;
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function rawServer(serve: (socket: Socket) => void, host = '127.0.0.1'): Promise<RawServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  let closed = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closed += 1;
      sockets.delete(socket);
    });
    socket.on('error', () => undefined);
    let text = '';
    let served = false;
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (served || end === -1) return;
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(text)?.[1] ?? 0);
      if (text.length < end + 4 + length) return;
      served = true;
      received.push(text);
      serve(socket);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address() as { port: number };
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    received,
    closed: () => closed,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const post = (url: string, init: Partial<Parameters<typeof directFetch>[1]> = {}) =>
  directFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}', signal: new AbortController().signal, redirect: 'manual', ...init });

async function bodyText(reply: FetchReply): Promise<string> {
  const reader = reply.body!.getReader();
  let text = '';
  for (;;) {
    const next = await reader.read();
    if (next.done) return text;
    text += Buffer.from(next.value).toString('utf8');
  }
}

/** The `code` of the innermost cause of a rejection. */
async function causeCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => null, (rejected: unknown) => rejected);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toBe('fetch failed');
  return ((error as Error).cause as { code?: string } | undefined)?.code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('directFetch: the request', () => {
  it('sends one request on a connection of its own: Host, the caller\'s headers, Connection: close and the body\'s length', async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const reply = await post(`${server.origin}/api3/json?x=1#fragment`, { headers: { 'content-type': 'application/json', 'user-agent': 'gridpass/9 (Linux)', Connection: 'keep-alive' } });
    expect(await bodyText(reply)).toBe('ok');
    expect(server.received).toEqual([
      `POST /api3/json?x=1 HTTP/1.1\r\nhost: ${server.origin.slice('http://'.length)}\r\ncontent-type: application/json\r\nuser-agent: gridpass/9 (Linux)\r\n` +
        'connection: close\r\ncontent-length: 7\r\n\r\n{"a":1}',
    ]);
  });

  it('counts the body in bytes, not characters', async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 204 No Content\r\n\r\n'));
    await post(`${server.origin}/`, { body: '{"name":"Zoë"}' });
    expect(server.received[0]).toContain('content-length: 15\r\n');
  });

  it('refuses a header that would split the request, and connects to nothing', async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'));
    await expect(post(`${server.origin}/`, { headers: { 'user-agent': 'x\r\nX-Injected: 1' } })).rejects.toMatchObject({
      message: 'fetch failed', cause: { message: 'The "user-agent" header cannot be sent as it is.' },
    });
    await sleep(50);
    expect(server.received).toEqual([]);
    expect(server.closed()).toBe(0);
  });

  it('refuses an address that is not http or https', async () => {
    await expect(post('ftp://127.0.0.1/')).rejects.toMatchObject({ message: 'fetch failed', cause: { message: 'Cannot fetch a ftp: address.' } });
  });

  it('reaches a site on the IPv6 loopback, with the address in brackets in Host', async (context) => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nv6'), '::1').catch(() => null);
    if (server === null) return context.skip('this machine has no IPv6 loopback');
    expect(await bodyText(await post(`${server.origin}/`))).toBe('v6');
    expect(server.received[0]).toContain(`host: [::1]:${new URL(server.origin).port}\r\n`);
  });
});

describe('directFetch: the reply', () => {
  it('gives the status and headers, and the chunked body as it arrives in pieces', async () => {
    const server = await rawServer(async (socket) => {
      for (const piece of ['HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n{"re', 'sults":', '\r\n1\r\n}\r\n0\r\n\r\n']) {
        socket.write(piece);
        await sleep(15);
      }
    });
    const reply = await post(`${server.origin}/`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('Content-Type')).toBe('application/json');
    expect(reply.headers.get('location')).toBeNull();
    expect(await bodyText(reply)).toBe('{"results":}');
  });

  it('closes the connection once the reply is whole, even when the server would keep it', async () => {
    const server = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    expect(await bodyText(await post(`${server.origin}/`))).toBe('ok');
    await sleep(50);
    expect(server.closed()).toBe(1);
  });

  it('waits on a body larger than it holds unread, and still reads all of it', async () => {
    const size = 3 * 1024 * 1024;
    const server = await rawServer((socket) => socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${size}\r\n\r\n`), Buffer.alloc(size, 0x61)])));
    const reply = await post(`${server.origin}/`);
    await sleep(100);
    expect((await bodyText(reply)).length).toBe(size);
  });

  it('passes over 100 Continue to the final reply', async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Length: 4\r\n\r\nnope'));
    const reply = await post(`${server.origin}/`);
    expect(reply.status).toBe(401);
    expect(await bodyText(reply)).toBe('nope');
  });
});

describe('directFetch: failures, with the cause the classifier reads', () => {
  it('is a reset (ECONNRESET) when the server closes without replying', async () => {
    const server = await rawServer((socket) => socket.end());
    expect(await causeCode(post(`${server.origin}/`))).toBe('ECONNRESET');
  });

  it('is refused (ECONNREFUSED) on a closed port', async () => {
    const server = await rawServer(() => undefined);
    await server.close();
    expect(await causeCode(post(`${server.origin}/`))).toBe('ECONNREFUSED');
  });

  it('is a reply that is not HTTP when the server speaks something else', async () => {
    const server = await rawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    const failure = post(`${server.origin}/`);
    await expect(failure).rejects.toMatchObject({ cause: { message: 'The reply is not valid HTTP/1.1: it does not start with an HTTP/1.x status line.' } });
    expect(await causeCode(failure)).toBe(REPLY_NOT_HTTP);
  });

  it('is a cut-off body when the connection closes before the announced length', async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"results":'));
    const reply = await post(`${server.origin}/`);
    expect(await causeCode(bodyText(reply))).toBe(REPLY_CUT_OFF);
  });

  it('is a cut-off body when a chunked reply stops before its last chunk', async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'));
    expect(await causeCode(bodyText(await post(`${server.origin}/`)))).toBe(REPLY_CUT_OFF);
  });

  it('is the socket\'s own error when the connection is reset in the middle of the body', async () => {
    const server = await rawServer(async (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"res');
      await sleep(20);
      socket.resetAndDestroy();
    });
    expect(await causeCode(bodyText(await post(`${server.origin}/`)))).toBe('ECONNRESET');
  });

  it('stops waiting for the head when the signal is aborted, and closes the connection', async () => {
    const server = await rawServer(() => undefined);
    const controller = new AbortController();
    const failure = post(`${server.origin}/`, { signal: controller.signal });
    await sleep(30);
    controller.abort();
    await expect(failure).rejects.toMatchObject({ message: 'fetch failed', cause: { name: 'AbortError' } });
    await sleep(30);
    expect(server.closed()).toBe(1);
  });

  it('stops reading the body when the signal is aborted half way', async () => {
    const server = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"res'));
    const controller = new AbortController();
    const reply = await post(`${server.origin}/`, { signal: controller.signal });
    const reading = bodyText(reply);
    await sleep(30);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ message: 'fetch failed', cause: { name: 'AbortError' } });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = await rawServer(() => undefined);
    await expect(post(`${server.origin}/`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    await sleep(30);
    expect(server.closed()).toBe(0);
  });

  it('closes the connection when the reader cancels', async () => {
    const server = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"res'));
    const reply = await post(`${server.origin}/`);
    await reply.body!.cancel();
    await sleep(30);
    expect(server.closed()).toBe(1);
  });
});
