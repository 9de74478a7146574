import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import type { CallOptions } from '../../../src/shotgrid/shotgrid-client';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Fault, api3Handler, IDENTITY_SITE_INFO, sendJson, startLoopbackServer } from '../../fixtures/loopback-server';
import type { LoopbackServer, RecordedRequest } from '../../fixtures/loopback-server';
import { siteInfo } from '../../fixtures/fake-shotgrid-client';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const TOKEN = 'dd638be7a0b1c2d3e4f5061728394a5b';

async function verify(read: (request: RecordedRequest, response: ServerResponse) => void, options: CallOptions = {}) {
  const server = await startLoopbackServer(api3Handler({ info: (_request, response) => sendJson(response, IDENTITY_SITE_INFO), read }));
  servers.push(server);
  const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
  const outcome = await client.verifySessionToken(siteFromOrigin(server.origin), { login: 'artist', sessionToken: TOKEN }, options);
  return { outcome, sent: server.requests.map((request) => request.json) };
}

describe('verifySessionToken', () => {
  it('reads the owner’s record with the token and reject_if_expired: two round trips', async () => {
    const { outcome, sent } = await verify((_request, response) =>
      sendJson(response, { results: { entities: [{ type: 'HumanUser', id: 42, login: 'artist', sg_status_list: 'act' }] } }),
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      method_name: 'read',
      params: [{ session_token: TOKEN, reject_if_expired: true }, { type: 'HumanUser', filters: { conditions: [{ path: 'login', relation: 'is', values: ['artist'] }] } }],
    });
    expect(outcome).toEqual({ ok: true, roundTrips: 2, value: { id: 42, login: 'artist', name: null, email: null, status: 'act', permissionGroup: null } });
  });

  it('skips its own probe when the caller has just asked the site what it is: one round trip', async () => {
    const { outcome, sent } = await verify(
      (_request, response) => sendJson(response, { results: { entities: [{ type: 'HumanUser', id: 42, login: 'artist', sg_status_list: 'act' }] } }),
      { alreadyProbed: siteInfo() },
    );
    expect(sent.map((request) => (request as { method_name: string }).method_name)).toEqual(['read']);
    expect(outcome).toMatchObject({ ok: true, roundTrips: 1 });
  });

  it('reports a refused token as an expired session, once', async () => {
    const { outcome, sent } = await verify((_request, response) => sendJson(response, api3Fault(102, 'Session expired')));
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'session-expired', serverMessage: 'Session expired' } });
    expect(sent).toHaveLength(2);
  });

  it('never puts the token into a failure', async () => {
    const { outcome } = await verify((_request, response) => sendJson(response, api3Fault(102, `Can't authenticate session token ${TOKEN}`)));
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(outcome).toMatchObject({ ok: false, failure: { serverMessage: "Can't authenticate session token [redacted]" } });
  });
});
