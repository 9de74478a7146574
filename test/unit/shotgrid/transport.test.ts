import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createTransport } from '../../../src/shotgrid/transport';
import type { TransportSettings } from '../../../src/shotgrid/transport';
import { closedPort, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { Handler, LoopbackServer } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  return server;
}

function transport(overrides: Partial<TransportSettings> = {}) {
  return createTransport({
    fetch: createNodeFetch({}).fetch,
    userAgent: 'gridpass/9.9.9 (Linux)',
    timeoutMs: 5000,
    maxResponseBytes: 1024,
    ...overrides,
  });
}

describe('transport: what it sends', () => {
  it('POSTs the body once with JSON and user-agent headers, and counts the round trip', async () => {
    const server = await serve((_request, response) => sendJson(response, { ok: 1 }));
    const sender = transport();
    await sender.postJson(`${server.origin}/api3/json`, '{"method_name":"info","params":[]}');

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api3/json', body: '{"method_name":"info","params":[]}' });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'user-agent': 'gridpass/9.9.9 (Linux)',
    });
    expect(sender.roundTrips).toBe(1);
  });
});

describe('transport: what it returns', () => {
  it('returns status, headers that matter and the body', async () => {
    const server = await serve((_request, response) => sendJson(response, { ok: 1 }, 200, { date: 'Tue, 03 Mar 2026 10:00:00 GMT' }));
    expect(await transport().postJson(`${server.origin}/api3/json`, '{}')).toEqual({
      ok: true,
      reply: { status: 200, contentType: 'application/json; charset=utf-8', location: null, date: 'Tue, 03 Mar 2026 10:00:00 GMT', body: '{"ok":1}' },
    });
  });

  it('does not follow redirects', async () => {
    const server = await serve((_request, response) => sendText(response, 302, 'text/html', 'moved', { location: '/user/login' }));
    const sent = await transport().postJson(`${server.origin}/api3/json`, '{}');
    expect(sent).toMatchObject({ ok: true, reply: { status: 302, location: '/user/login' } });
    expect(server.requests).toHaveLength(1);
  });

  it('accepts a body of exactly the size limit', async () => {
    const server = await serve((_request, response) => sendText(response, 200, 'application/json', 'x'.repeat(1024)));
    expect(await transport().postJson(`${server.origin}/`, '{}')).toMatchObject({ ok: true, reply: { body: 'x'.repeat(1024) } });
  });

  it('stops at the size limit when Content-Length announces more', async () => {
    const server = await serve((_request, response) => sendText(response, 200, 'application/json', 'x'.repeat(5000)));
    expect(await transport().postJson(`${server.origin}/`, '{}')).toEqual({ ok: false, failure: { kind: 'too-large', limitBytes: 1024 } });
  });

  it('stops at the size limit when a chunked body keeps coming', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'y'.repeat(600);
      response.write(chunk);
      response.write(chunk);
      response.end(chunk);
    });
    expect(await transport().postJson(`${server.origin}/`, '{}')).toEqual({ ok: false, failure: { kind: 'too-large', limitBytes: 1024 } });
  });
});

describe('transport: network failures', () => {
  it('reports a connection closed before any reply as a reset', async () => {
    const server = await serve((_request, response) => {
      response.socket?.destroy();
    });
    expect(await transport().postJson(`${server.origin}/`, '{}')).toEqual({ ok: false, failure: { kind: 'reset' } });
  });

  it('reports a reply cut off before its announced length as malformed, not as a usable reply', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"results":{"version":[8,');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    expect(await transport().postJson(`${server.origin}/`, '{}')).toEqual({
      ok: false,
      failure: { kind: 'malformed', detail: 'the reply was cut off before the length the server announced' },
    });
  });

  it('reports Chromium\'s word for a short body the same way', async () => {
    const shortBody = new Response(new ReadableStream({ pull: (c) => c.error(new Error('net::ERR_CONTENT_LENGTH_MISMATCH')) }));
    const sender = createTransport({ fetch: async () => shortBody, userAgent: 'test', timeoutMs: 1000, maxResponseBytes: 1000 });
    expect(await sender.postJson('https://site.example/api3/json', '{}')).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
  });

  it('reports a server that does not speak HTTP as a network failure saying so', async () => {
    const server = createServer((socket) => socket.resume().end('SSH-2.0-OpenSSH_9.6\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      expect(await transport().postJson(`http://127.0.0.1:${port}/api3/json`, '{}')).toEqual({
        ok: false,
        failure: { kind: 'network', detail: 'GRIDPASS_REPLY_NOT_HTTP: The reply is not valid HTTP/1.1: it does not start with an HTTP/1.x status line.' },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a closed port as refused', async () => {
    const port = await closedPort();
    const sender = transport();
    expect(await sender.postJson(`http://127.0.0.1:${port}/api3/json`, '{}')).toEqual({ ok: false, failure: { kind: 'refused' } });
    expect(sender.roundTrips).toBe(1);
  });

  it('reports a name that does not resolve as a DNS failure naming the host', async () => {
    expect(await transport().postJson('https://gridpass-test.invalid/api3/json', '{}')).toEqual({
      ok: false,
      failure: { kind: 'dns', host: 'gridpass-test.invalid' },
    });
  });

  it('gives up on a site that never answers after the timeout', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    expect(await transport({ timeoutMs: 200 }).postJson(`${server.origin}/`, '{}')).toEqual({ ok: false, failure: { kind: 'timeout', afterMs: 200 } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on a reply that stalls half way after the timeout', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"results":');
    });
    expect(await transport({ timeoutMs: 200 }).postJson(`${server.origin}/`, '{}')).toEqual({ ok: false, failure: { kind: 'timeout', afterMs: 200 } });
  });

  it('stops when the caller cancels', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await transport({ signal: controller.signal }).postJson(`${server.origin}/`, '{}')).toEqual({
      ok: false,
      failure: { kind: 'network', detail: 'The check was cancelled.' },
    });
  });

  it('sends nothing when already cancelled', async () => {
    const server = await serve((_request, response) => sendJson(response, {}));
    const controller = new AbortController();
    controller.abort();
    expect(await transport({ signal: controller.signal }).postJson(`${server.origin}/`, '{}')).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(server.requests).toEqual([]);
  });
});
