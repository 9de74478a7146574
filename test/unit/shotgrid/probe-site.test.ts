import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import { decodeSiteInfo } from '../../../src/shotgrid/probe-site';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Handler, IDENTITY_SITE_INFO, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { Handler, LoopbackServer } from '../../fixtures/loopback-server';
import { siteInfo } from '../../fixtures/fake-shotgrid-client';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function probe(handler: Handler) {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test', probeRetryDelayMs: 10 });
  const outcome = await client.probe(siteFromOrigin(server.origin));
  return { outcome, server };
}

describe('probe', () => {
  it('sends info without credentials and reads what the site says about itself', async () => {
    const { outcome, server } = await probe(api3Handler({ info: (_request, response) => sendJson(response, IDENTITY_SITE_INFO, 200, { date: 'Tue, 03 Mar 2026 10:00:00 GMT' }) }));
    expect(server.requests.map((request) => request.json)).toEqual([{ method_name: 'info', params: [] }]);
    expect(outcome).toEqual({
      ok: true,
      roundTrips: 1,
      value: siteInfo({ serverDate: new Date('2026-03-03T10:00:00Z') }),
    });
  });

  it('reads info wrapped in results too', async () => {
    const { outcome } = await probe(api3Handler({ info: (_request, response) => sendJson(response, { results: { version: [7, 4, 2], user_authentication_method: 'saml2' } }) }));
    expect(outcome).toMatchObject({ ok: true, value: { version: [7, 4, 2], loginMethod: 'saml2', unifiedLoginFlow: false, appSessionLauncher: false, serverDate: expect.any(Date) } });
  });

  it('retries once on a 502, then succeeds', async () => {
    let calls = 0;
    const { outcome, server } = await probe((_request, response) => {
      calls += 1;
      if (calls === 1) sendText(response, 502, 'text/html', 'Bad Gateway');
      else sendJson(response, IDENTITY_SITE_INFO);
    });
    expect(outcome).toMatchObject({ ok: true, roundTrips: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 504 only once', async () => {
    const { outcome, server } = await probe((_request, response) => sendText(response, 504, 'text/plain', 'Gateway Timeout'));
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'http-error', status: 504, bodyExcerpt: 'Gateway Timeout' } });
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [500, 'http-error'],
    [503, 'maintenance'],
    [403, 'http-error'],
  ])('does not retry a %i', async (status, kind) => {
    const { outcome, server } = await probe((_request, response) => sendText(response, status, 'text/plain', 'no'));
    expect(outcome).toMatchObject({ ok: false, roundTrips: 1, failure: { kind } });
    expect(server.requests).toHaveLength(1);
  });

  it('says a JSON reply without a version is not a ShotGrid site', async () => {
    const { outcome } = await probe((_request, response) => sendJson(response, { status: 'ok' }));
    expect(outcome).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'not-shotgrid', detail: "The site's reply has no ShotGrid version number." } });
  });
});

describe('decodeSiteInfo', () => {
  it('keeps an unknown login method as raw text', () => {
    expect(decodeSiteInfo({ version: [9, 0, 0], user_authentication_method: 'passkeys' }, null)).toMatchObject({
      ok: true,
      info: { loginMethod: null, rawLoginMethod: 'passkeys', serverDate: null, fullVersion: null },
    });
  });

  it('counts the feature flags only when they are exactly true', () => {
    expect(decodeSiteInfo({ version: [8, 0, 0], unified_login_flow_enabled: 'yes', authentication_app_session_launcher_enabled: 1 }, null)).toMatchObject({
      ok: true,
      info: { unifiedLoginFlow: false, appSessionLauncher: false },
    });
  });

  it.each([
    [{ version: '8.89.0' }],
    [{ version: [8, 89] }],
    [{ version: [8, 'x', 0] }],
    [[8, 89, 0]],
    ['hello'],
  ])('refuses %j as not ShotGrid', (results) => {
    expect(decodeSiteInfo(results, null)).toMatchObject({ ok: false, failure: { kind: 'not-shotgrid' } });
  });

  it('ignores a Date header it cannot read', () => {
    expect(decodeSiteInfo({ version: [8, 0, 0] }, 'yesterday-ish')).toMatchObject({ ok: true, info: { serverDate: null } });
  });
});
