import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import type { UserLoginCredentials } from '../../../src/shotgrid/shotgrid-client';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Fault, api3Handler, IDENTITY_SITE_INFO, sendJson, startLoopbackServer } from '../../fixtures/loopback-server';
import type { LoopbackServer, RecordedRequest } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const PASSPHRASE = 'correct-horse-battery';
const SESSION = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const artist: UserLoginCredentials = { login: 'artist@studio.com', passphrase: PASSPHRASE };
const ARTIST_ENTITY = { type: 'HumanUser', id: 42, login: 'artist@studio.com', name: 'Ada Artist', email: 'artist@studio.com', sg_status_list: 'act' };

const info = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, IDENTITY_SITE_INFO);
const sessionIssued = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, { results: { session_id: SESSION } });
const readReturns = (entities: unknown[]) => (_request: RecordedRequest, response: ServerResponse) =>
  sendJson(response, { results: { entities, paging_info: { has_next_page: false } } });

async function open(methods: Parameters<typeof api3Handler>[0], credentials: UserLoginCredentials = artist) {
  const server = await startLoopbackServer(api3Handler({ info, ...methods }));
  servers.push(server);
  const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test', probeRetryDelayMs: 10 });
  const outcome = await client.openSession(siteFromOrigin(server.origin), credentials);
  return { outcome, sent: server.requests.map((request) => request.json as { method_name: string; params: unknown[] }) };
}

describe('openSession', () => {
  it('sends the passphrase once, in get_session_token, then reads the own record with the new session', async () => {
    const { outcome, sent } = await open({ get_session_token: sessionIssued, read: readReturns([ARTIST_ENTITY]) });
    expect(sent.map((request) => request.method_name)).toEqual(['info', 'get_session_token', 'read']);
    expect(sent[1]?.params).toEqual([{ user_login: 'artist@studio.com', user_password: PASSPHRASE }]);
    expect(sent[2]?.params[0]).toEqual({ session_token: SESSION, reject_if_expired: true });
    expect(outcome).toMatchObject({ ok: true, roundTrips: 3, value: { sessionToken: SESSION, user: { id: 42, login: 'artist@studio.com' } } });
  });

  it('sends a 2FA code with the passphrase, as python-api does', async () => {
    const { sent } = await open({ get_session_token: sessionIssued, read: readReturns([ARTIST_ENTITY]) }, { ...artist, twoFactorCode: ' 246810 ' });
    expect(sent[1]?.params).toEqual([{ user_login: 'artist@studio.com', user_password: PASSPHRASE, auth_token: '246810' }]);
  });

  it('reports a refused passphrase without reading and without retrying', async () => {
    const { outcome, sent } = await open({ get_session_token: (_request, response) => sendJson(response, api3Fault(102, "Can't authenticate user 'artist@studio.com'")) });
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'artist@studio.com'" } });
    expect(sent).toHaveLength(2);
  });

  it('asks for a 2FA code when the site wants one (not a refused code)', async () => {
    const { outcome } = await open({ get_session_token: (_request, response) => sendJson(response, api3Fault(106, 'Missing 2FA code')) });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'two-factor-required' } });
  });

  it('reports a reply without a session id as malformed', async () => {
    const { outcome } = await open({ get_session_token: (_request, response) => sendJson(response, { results: {} }) });
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'malformed', detail: 'The site accepted the login but sent no session id.' } });
  });

  it('never puts the new session token into a failure of the read', async () => {
    const { outcome } = await open({
      get_session_token: sessionIssued,
      read: (_request, response) => sendJson(response, api3Fault(102, `Session ${SESSION} refused`)),
    });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'session-expired', serverMessage: 'Session [redacted] refused' } });
  });
});
