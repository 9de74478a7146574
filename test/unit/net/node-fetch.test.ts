import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyFetchError } from '../../../src/net/classify-fetch-error';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { ProxyUnreachableError } from '../../../src/net/proxy-error';
import type { FetchLike, FetchReply } from '../../../src/net/fetch-like';
import { closedPort, IDENTITY_SITE_INFO, sendJson, startLoopbackServer, TLS_FIXTURES } from '../../fixtures/loopback-server';
import type { LoopbackServer, TlsCertificate } from '../../fixtures/loopback-server';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function server(tls?: TlsCertificate): Promise<LoopbackServer> {
  const started = await startLoopbackServer((_request, response) => sendJson(response, { hello: 'world' }), { tls });
  cleanups.push(() => started.close());
  return started;
}

/** A forward proxy that tunnels every CONNECT, whatever host it names, to `tunnelPort` on 127.0.0.1. */
async function startProxy(tunnelPort = 0): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const proxy = http.createServer((request, response) => {
    // Plain forwarding is recorded but refused: Gridpass only ever tunnels (https sites).
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(405).end();
  });
  proxy.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${request.url}`);
    const upstream = net.connect(tunnelPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const sockets = new Set<net.Socket>();
  proxy.on('connection', (socket: net.Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, seen };
}

function post(fetch: FetchLike, url: string): Promise<FetchReply> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(5000), redirect: 'manual' });
}

async function textOf(reply: FetchReply): Promise<string> {
  const reader = reply.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return Buffer.concat(chunks).toString('utf8');
}

async function failureOf(fetch: FetchLike, url: string) {
  try {
    await post(fetch, url);
  } catch (error) {
    return classifyFetchError(error, { host: new URL(url).hostname, elapsedMs: 0 });
  }
  throw new Error('the request unexpectedly succeeded');
}

describe('createNodeFetch: what it reports', () => {
  it('reports the Node stack with nothing configured', () => {
    expect(createNodeFetch({}).network).toEqual({ stack: 'node', proxy: null, noProxy: null, extraCaCerts: null });
  });

  it('reports the https proxy without its password, NO_PROXY and the extra CA file', () => {
    const { network } = createNodeFetch({
      HTTPS_PROXY: 'http://alice:s3cret@proxy.corp:3128',
      NO_PROXY: '.studio.lan',
      NODE_EXTRA_CA_CERTS: '/etc/studio/ca.pem',
    });
    expect(network).toEqual({ stack: 'node', proxy: 'http://proxy.corp:3128', noProxy: '.studio.lan', extraCaCerts: '/etc/studio/ca.pem' });
    expect(JSON.stringify(network)).not.toContain('s3cret');
  });

  it('reports the http proxy when only HTTP_PROXY is set, since https requests use it too', () => {
    expect(createNodeFetch({ http_proxy: 'proxy.corp:8080' }).network.proxy).toBe('http://proxy.corp:8080');
  });
});

describe('createNodeFetch: requests', () => {
  it('goes direct without a proxy, on a fresh connection for every request', async () => {
    const site = await server();
    const { fetch } = createNodeFetch({});
    for (let i = 0; i < 2; i += 1) expect(JSON.parse(await textOf(await post(fetch, `${site.origin}/api3/json`)))).toEqual({ hello: 'world' });
    expect(site.requests.map((request) => request.headers.connection)).toEqual(['close', 'close']);
  });

  it('fetches from a loopback site directly even when a proxy is set', async () => {
    const site = await server();
    const { fetch } = createNodeFetch({ HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` });
    const response = await post(fetch, `${site.origin}/api3/json`);
    expect(JSON.parse(await textOf(response))).toEqual({ hello: 'world' });
    expect(site.requests).toHaveLength(1);
  });

  it.each(['site.invalid', '.invalid', '*.invalid', 'SITE.INVALID:443', 'intranet, site.invalid'])('goes direct for a host NO_PROXY=%j exempts', async (noProxy) => {
    const proxy = await startProxy();
    const { fetch } = createNodeFetch({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy });
    expect(await failureOf(fetch, 'https://site.invalid/api3/json')).toEqual({ kind: 'dns', host: 'site.invalid' });
    expect(proxy.seen).toEqual([]);
  });

  it.each(['site.invalid:8443', 'other.invalid', '::1'])('goes through the proxy for a host NO_PROXY=%j does not exempt', async (noProxy) => {
    const site = await server('self-signed');
    const proxy = await startProxy(site.port);
    const { fetch } = createNodeFetch({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy });
    expect(await failureOf(fetch, 'https://site.invalid/api3/json')).toMatchObject({ kind: 'tls-untrusted' });
    expect(proxy.seen).toEqual(['CONNECT site.invalid:443']);
  });

  it.each([
    ['HTTPS_PROXY', 'HTTPS_PROXY'],
    ['the lower-case https_proxy', 'https_proxy'],
    ['HTTP_PROXY when no https proxy is set', 'HTTP_PROXY'],
  ])('tunnels https requests through %s', async (_name, variable) => {
    const site = await server('self-signed');
    const proxy = await startProxy(site.port);
    const { fetch } = createNodeFetch({ [variable]: proxy.url });
    // The tunnel works; the site's certificate is then checked end to end, and this one is trusted by nobody.
    expect(await failureOf(fetch, 'https://other.example/api3/json')).toMatchObject({ kind: 'tls-untrusted' });
    expect(proxy.seen).toEqual(['CONNECT other.example:443']);
    expect(site.requests).toEqual([]);
  });

  it('blames the proxy, without its password, when the proxy cannot be reached', async () => {
    const port = await closedPort();
    const { fetch } = createNodeFetch({ HTTPS_PROXY: `http://alice:s3cret@127.0.0.1:${port}` });
    const error: unknown = await post(fetch, 'https://mystudio.shotgrid.autodesk.com/api3/json').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProxyUnreachableError);
    expect((error as Error).message).toBe(`Could not reach the proxy http://127.0.0.1:${port} (ECONNREFUSED).`);
    expect(classifyFetchError(error, { host: 'mystudio.shotgrid.autodesk.com', elapsedMs: 0 })).toMatchObject({ kind: 'proxy' });
  });

  it('turns an unusable proxy setting into a proxy failure on every request, not a crash', async () => {
    const { fetch } = createNodeFetch({ HTTPS_PROXY: 'ftp://alice:s3cret@proxy.corp' });
    const error: unknown = await post(fetch, 'https://mystudio.shotgrid.autodesk.com/').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProxyUnreachableError);
    expect((error as Error).message).toBe('The proxy setting "ftp://proxy.corp" is not a valid proxy address.');
  });
});

describe('createNodeFetch: TLS verification is always on', () => {
  it.each([
    ['self-signed', 'tls-untrusted', /DEPTH_ZERO_SELF_SIGNED_CERT/],
    ['loopback', 'tls-untrusted', /UNABLE_TO_VERIFY_LEAF_SIGNATURE/],
    ['expired', 'tls-expired', /CERT_HAS_EXPIRED/],
  ] as const)('refuses a %s certificate as %s', async (certificate, kind, detail) => {
    const site = await server(certificate);
    const { fetch } = createNodeFetch({});
    expect(await failureOf(fetch, `${site.origin}/api3/json`)).toMatchObject({ kind, detail: expect.stringMatching(detail) });
    expect(site.requests).toEqual([]);
  });
});

/**
 * NODE_EXTRA_CA_CERTS is read once when Node starts, so these run a separate `node` with the client
 * bundled, exactly as the CLI would.
 */
describe('createNodeFetch in a fresh Node process', () => {
  let workDir = '';
  let script = '';

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'gridpass-node-fetch-'));
    script = join(workDir, 'probe.mjs');
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    await build({
      stdin: {
        contents: `
          import { createNodeFetch } from './src/net/node-fetch';
          import { createShotgridClient } from './src/shotgrid/create-shotgrid-client';
          import { siteFromOrigin } from './src/site/site-address';
          const { fetch, network } = createNodeFetch(process.env);
          const client = createShotgridClient({ fetch, userAgent: 'gridpass-test', timeoutMs: 5000 });
          const outcome = await client.probe(siteFromOrigin(process.argv[2]));
          process.stdout.write(JSON.stringify({ network, outcome }));
        `,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // As in the CLI build: undici's CommonJS needs `require` inside an ES module bundle.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      outfile: script,
      logLevel: 'silent',
    });
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  async function probeInChild(origin: string, env: Record<string, string>): Promise<{ network: unknown; outcome: { ok: boolean; failure?: unknown; value?: unknown } }> {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [script, origin], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 15_000 }, (error, out, err) => {
        if (error) reject(new Error(`${error.message}\n${err}`));
        else resolve(out);
      });
    });
    return JSON.parse(stdout) as never;
  }

  async function infoServer(certificate: TlsCertificate): Promise<LoopbackServer> {
    const site = await startLoopbackServer((_request, response) => sendJson(response, IDENTITY_SITE_INFO), { tls: certificate });
    cleanups.push(() => site.close());
    return site;
  }

  const testCa = join(TLS_FIXTURES, 'ca.crt');

  it('trusts a site signed by the CA in NODE_EXTRA_CA_CERTS', async () => {
    const site = await infoServer('loopback');
    const { network, outcome } = await probeInChild(site.origin, { NODE_EXTRA_CA_CERTS: testCa });
    expect(outcome).toMatchObject({ ok: true, value: { version: [8, 89, 0], loginMethod: 'oxygen' }, roundTrips: 1 });
    expect(network).toMatchObject({ stack: 'node', extraCaCerts: testCa });
  });

  it('does not trust the same site without it', async () => {
    const site = await infoServer('loopback');
    const { outcome } = await probeInChild(site.origin, {});
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'tls-untrusted' } });
  });

  it('still refuses a trusted CA certificate made out for another host', async () => {
    const site = await infoServer('wrong-host');
    const { outcome } = await probeInChild(site.origin, { NODE_EXTRA_CA_CERTS: testCa });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'tls-wrong-host' } });
  });

  it('still refuses an expired certificate from the trusted CA', async () => {
    const site = await infoServer('expired');
    const { outcome } = await probeInChild(site.origin, { NODE_EXTRA_CA_CERTS: testCa });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'tls-expired' } });
  });

  it('reaches a site through HTTPS_PROXY and verifies it end to end', async () => {
    // wrong-host.crt is made out for other.example: right for this request, which the proxy tunnels to it.
    const site = await infoServer('wrong-host');
    const proxy = await startProxy(site.port);
    const { network, outcome } = await probeInChild('https://other.example', { NODE_EXTRA_CA_CERTS: testCa, HTTPS_PROXY: proxy.url });
    expect(outcome).toMatchObject({ ok: true, value: { loginMethod: 'oxygen' } });
    expect(proxy.seen).toEqual(['CONNECT other.example:443']);
    expect(network).toMatchObject({ proxy: proxy.url });
  });
});
