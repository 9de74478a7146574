import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import type { CallOptions } from '../../../src/shotgrid/shotgrid-client';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Fault, api3Handler, IDENTITY_SITE_INFO, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { LoopbackServer, RecordedRequest } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const TOKEN = 'dd638be7a0b1c2d3e4f5061728394a5b';

/** A site that answers `info` as an Identity site does, unless a test says otherwise, and `read` as the test says. */
async function verify(
  read: (request: RecordedRequest, response: ServerResponse) => void,
  options: CallOptions = {},
  info: (request: RecordedRequest, response: ServerResponse) => void = (_request, response) => sendJson(response, IDENTITY_SITE_INFO),
) {
  const server = await startLoopbackServer(api3Handler({ info, read }));
  servers.push(server);
  const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
  const outcome = await client.verifySessionToken(siteFromOrigin(server.origin), { login: 'artist', sessionToken: TOKEN }, options);
  return { outcome, methods: server.requests.map((request) => (request.json as { method_name: string }).method_name), sent: server.requests.map((request) => request.json) };
}

const ownRecord = (_request: RecordedRequest, response: ServerResponse) =>
  sendJson(response, { results: { entities: [{ type: 'HumanUser', id: 42, login: 'artist', sg_status_list: 'act' }] } });

describe('verifySessionToken', () => {
  it('reads the owner’s record with the token and reject_if_expired, in one round trip: no probe first', async () => {
    const { outcome, sent } = await verify(ownRecord);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method_name: 'read',
      params: [{ session_token: TOKEN, reject_if_expired: true }, { type: 'HumanUser', filters: { conditions: [{ path: 'login', relation: 'is', values: ['artist'] }] } }],
    });
    expect(outcome).toEqual({ ok: true, roundTrips: 1, value: { id: 42, login: 'artist', name: null, email: null, status: 'act', permissionGroup: null } });
  });

  it('reports a refused token as an expired session, once, without asking the site anything else', async () => {
    const { outcome, methods } = await verify((_request, response) => sendJson(response, api3Fault(102, 'Session expired')));
    expect(outcome).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'session-expired', serverMessage: 'Session expired' } });
    expect(methods).toEqual(['read']);
  });

  it('asks what the site is when the answer was no ShotGrid reply, and reports that instead', async () => {
    const { outcome, methods } = await verify(
      (_request, response) => sendJson(response, { results: 'welcome' }),
      {},
      (_request, response) => sendJson(response, { name: 'a JSON service' }),
    );
    expect(methods).toEqual(['read', 'info']);
    expect(outcome).toMatchObject({ ok: false, roundTrips: 2, failure: { kind: 'not-shotgrid' } });
  });

  it('keeps the read’s own failure when the site says it is ShotGrid', async () => {
    const { outcome, methods } = await verify((_request, response) => sendText(response, 500, 'text/plain', 'Internal Server Error'));
    expect(methods).toEqual(['read', 'info']);
    expect(outcome).toMatchObject({ ok: false, roundTrips: 2, failure: { kind: 'http-error', status: 500 } });
  });

  it('sends nothing more after a request that got no answer in time', async () => {
    const { outcome, methods } = await verify(() => undefined, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, roundTrips: 1, failure: { kind: 'timeout' } });
    expect(methods).toEqual(['read']);
  });

  it('never puts the token into a failure', async () => {
    const { outcome } = await verify((_request, response) => sendJson(response, api3Fault(102, `Can't authenticate session token ${TOKEN}`)));
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(outcome).toMatchObject({ ok: false, failure: { serverMessage: "Can't authenticate session token [redacted]" } });
  });
});
