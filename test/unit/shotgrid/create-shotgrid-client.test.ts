import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { defaultRequestTimeoutMs } from '../../../src/net/request-timeout';
import { createShotgridClient, DEFAULT_MAX_RESPONSE_BYTES } from '../../../src/shotgrid/create-shotgrid-client';
import type { FetchLike } from '../../../src/net/fetch-like';
import { siteFromOrigin } from '../../../src/site/site-address';
import { IDENTITY_SITE_INFO, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { Handler, LoopbackServer } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler, tls?: 'self-signed'): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler, { tls });
  servers.push(server);
  return server;
}

const site = siteFromOrigin('https://mystudio.shotgrid.autodesk.com');
const credentials = { login: 'artist', passphrase: 'correct-horse-battery' };

function clientWith(fetch: FetchLike) {
  return createShotgridClient({ fetch, userAgent: 'gridpass/test' });
}

describe('createShotgridClient with Electron net.fetch errors', () => {
  it.each([
    ['ERR_NAME_NOT_RESOLVED', { kind: 'dns', host: 'mystudio.shotgrid.autodesk.com' }],
    ['ERR_CONNECTION_REFUSED', { kind: 'refused' }],
    ['ERR_CONNECTION_RESET', { kind: 'reset' }],
    ['ERR_CERT_AUTHORITY_INVALID', { kind: 'tls-untrusted', detail: 'net::ERR_CERT_AUTHORITY_INVALID' }],
    ['ERR_CERT_DATE_INVALID', { kind: 'tls-expired', detail: 'net::ERR_CERT_DATE_INVALID' }],
    ['ERR_CERT_COMMON_NAME_INVALID', { kind: 'tls-wrong-host', detail: 'net::ERR_CERT_COMMON_NAME_INVALID' }],
    ['ERR_PROXY_CONNECTION_FAILED', { kind: 'proxy', detail: 'net::ERR_PROXY_CONNECTION_FAILED' }],
    ['ERR_TUNNEL_CONNECTION_FAILED', { kind: 'proxy', detail: 'net::ERR_TUNNEL_CONNECTION_FAILED' }],
  ])('reports net::%s as %j after one attempt', async (name, failure) => {
    const fetch = vi.fn<FetchLike>().mockRejectedValue(new Error(`net::${name}`));
    expect(await clientWith(fetch).verifyLogin(site, credentials)).toEqual({ ok: false, roundTrips: 1, failure });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('createShotgridClient never throws', () => {
  it('turns a fetch that throws synchronously into a failure', async () => {
    const fetch: FetchLike = () => {
      throw new TypeError('Invalid URL');
    };
    expect(await clientWith(fetch).probe(site)).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'network', detail: 'Invalid URL' } });
  });

  it('turns a broken Response into a failure', async () => {
    const fetch: FetchLike = async () => ({ status: 200 }) as Response;
    expect(await clientWith(fetch).verifyLogin(site, credentials)).toEqual({
      ok: false,
      roundTrips: 1,
      failure: { kind: 'network', detail: "Cannot read properties of undefined (reading 'get')" },
    });
  });

  it('turns an exception from its own code into a failure', async () => {
    const handMade = { origin: 'not a url', host: 'x', port: null, isLoopback: false };
    const fetch = vi.fn<FetchLike>().mockRejectedValue(new Error('net::ERR_INVALID_URL'));
    expect(await clientWith(fetch).probe(handMade)).toEqual({
      ok: false,
      roundTrips: 1,
      failure: { kind: 'network', detail: expect.stringMatching(/^Unexpected error while talking to the site \(TypeError: Invalid URL/) },
    });
  });

  it('keeps secrets out of unexpected errors too', async () => {
    const fetch: FetchLike = async () => {
      throw Object.assign(new Error(`request for ${credentials.passphrase} failed`), { code: 'EWHATEVER' });
    };
    const outcome = await clientWith(fetch).verifyLogin(site, credentials);
    expect(JSON.stringify(outcome)).not.toContain(credentials.passphrase);
  });
});

describe('createShotgridClient bounds', () => {
  it(`times out after ${defaultRequestTimeoutMs} ms by default`, async () => {
    vi.useFakeTimers();
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const pending = clientWith(fetch).probe(site);
    await vi.advanceTimersByTimeAsync(defaultRequestTimeoutMs - 1);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'timeout', afterMs: defaultRequestTimeoutMs } });
  });

  it('takes a per-call timeout', async () => {
    const server = await serve(() => undefined);
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test', timeoutMs: 10_000 });
    expect(await client.probe(siteFromOrigin(server.origin), { timeoutMs: 150 })).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'timeout', afterMs: 150 } });
  });

  it('refuses replies over 2 MiB by default', async () => {
    const server = await serve((_request, response) => sendText(response, 200, 'application/json', ' '.repeat(DEFAULT_MAX_RESPONSE_BYTES + 1)));
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
    expect(await client.probe(siteFromOrigin(server.origin))).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'too-large', limitBytes: 2 * 1024 * 1024 } });
  });

  it('sends the configured user agent', async () => {
    const server = await serve((_request, response) => sendJson(response, IDENTITY_SITE_INFO));
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/1.2.3 (macOS)' });
    await client.probe(siteFromOrigin(server.origin));
    expect(server.requests[0]?.headers['user-agent']).toBe('gridpass/1.2.3 (macOS)');
  });

  it('stops when the caller cancels', async () => {
    const server = await serve(() => undefined);
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await client.probe(siteFromOrigin(server.origin), { signal: controller.signal })).toEqual({
      ok: false,
      roundTrips: 1,
      failure: { kind: 'network', detail: 'The check was cancelled.' },
    });
  });
});

describe('createShotgridClient over TLS', () => {
  it('refuses a site whose certificate nobody trusts, before sending credentials', async () => {
    const server = await serve((_request, response) => sendJson(response, IDENTITY_SITE_INFO), 'self-signed');
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
    const outcome = await client.verifyLogin(siteFromOrigin(server.origin), credentials);
    expect(outcome).toMatchObject({ ok: false, roundTrips: 1, failure: { kind: 'tls-untrusted', detail: expect.stringContaining('DEPTH_ZERO_SELF_SIGNED_CERT') } });
    expect(server.requests).toEqual([]);
  });
});
