import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import type { UserLoginCredentials } from '../../../src/shotgrid/shotgrid-client';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Fault, api3Handler, IDENTITY_SITE_INFO, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { LoopbackServer, RecordedRequest } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const PASSPHRASE = 'correct-horse-battery';
const CODE = '493817';
const artist: UserLoginCredentials = { login: 'artist@studio.com', passphrase: PASSPHRASE };

const ARTIST_ENTITY = {
  type: 'HumanUser',
  id: 42,
  login: 'artist@studio.com',
  name: 'Ada Artist',
  email: 'artist@studio.com',
  sg_status_list: 'act',
  permission_rule_set: { type: 'PermissionRuleSet', id: 3, name: 'Artist' },
};

const info = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, IDENTITY_SITE_INFO);
const readReturns = (entities: unknown[]) => (_request: RecordedRequest, response: ServerResponse) =>
  sendJson(response, { results: { entities, paging_info: { has_next_page: false } } });

async function verify(methods: Parameters<typeof api3Handler>[0], credentials: UserLoginCredentials = artist, timeoutMs?: number) {
  const server = await startLoopbackServer(api3Handler({ info, ...methods }));
  servers.push(server);
  const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test', timeoutMs, probeRetryDelayMs: 10 });
  const outcome = await client.verifyLogin(siteFromOrigin(server.origin), credentials);
  return { outcome, sent: server.requests.map((request) => request.json) };
}

const expectedRead = (auth: object) => ({
  method_name: 'read',
  params: [
    auth,
    {
      type: 'HumanUser',
      return_fields: ['id', 'login', 'name', 'email', 'sg_status_list', 'permission_rule_set'],
      filters: { logical_operator: 'and', conditions: [{ path: 'login', relation: 'is', values: ['artist@studio.com'] }] },
      return_only: 'active',
      paging: { entities_per_page: 1, current_page: 1 },
      api_return_image_urls: true,
      return_paging_info_without_counts: false,
    },
  ],
});

describe('verifyLogin without 2FA', () => {
  it('takes exactly two round trips: info, then one read of the own record with login and passphrase', async () => {
    const { outcome, sent } = await verify({ read: readReturns([ARTIST_ENTITY]) });
    expect(sent).toEqual([{ method_name: 'info', params: [] }, expectedRead({ user_login: 'artist@studio.com', user_password: PASSPHRASE })]);
    expect(outcome).toEqual({
      ok: true,
      roundTrips: 2,
      value: { id: 42, login: 'artist@studio.com', name: 'Ada Artist', email: 'artist@studio.com', status: 'act', permissionGroup: 'Artist' },
    });
  });

  it('takes bare read results too', async () => {
    const { outcome } = await verify({ read: (_request, response) => sendJson(response, { entities: [ARTIST_ENTITY] }) });
    expect(outcome).toMatchObject({ ok: true, value: { id: 42 } });
  });

  it('does not retry a refused passphrase', async () => {
    const { outcome, sent } = await verify({ read: (_request, response) => sendJson(response, api3Fault(102, "Can't authenticate user 'artist@studio.com'.")) });
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'artist@studio.com'." } });
    expect(sent).toHaveLength(2);
  });

  it('does not retry a read that failed at the gateway', async () => {
    const { outcome, sent } = await verify({ read: (_request, response) => sendText(response, 502, 'text/plain', 'Bad Gateway') });
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'http-error', status: 502, bodyExcerpt: 'Bad Gateway' } });
    expect(sent).toHaveLength(2);
  });

  it('does not retry a read that timed out', async () => {
    const { outcome, sent } = await verify({ read: () => undefined }, artist, 300);
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'timeout', afterMs: 300 } });
    expect(sent).toHaveLength(2);
  });

  it.each([
    [110, 'Not allowed for an Autodesk Identity enabled site', { kind: 'auth-rejected', code: 110 }],
    [102, 'Account locked after too many failed login attempts', { kind: 'account-locked' }],
    [102, 'User account is inactive', { kind: 'account-inactive', detail: 'User account is inactive' }],
    [106, 'Missing argument for 2FA login', { kind: 'two-factor-required' }],
    [108, 'Not allowed for an SSO-enabled site', { kind: 'sso-only' }],
  ])('reads fault %i "%s"', async (code, message, failure) => {
    const { outcome } = await verify({ read: (_request, response) => sendJson(response, api3Fault(code, message)) });
    expect(outcome).toMatchObject({ ok: false, roundTrips: 2, failure });
  });

  it('calls an account without an active record inactive', async () => {
    const { outcome } = await verify({ read: readReturns([]) });
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'account-inactive', detail: 'The site has no active HumanUser with the login "artist@studio.com".' } });
  });

  it('calls an account whose status is not act inactive', async () => {
    const { outcome } = await verify({ read: readReturns([{ ...ARTIST_ENTITY, sg_status_list: 'dis' }]) });
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'account-inactive', detail: 'The account "artist@studio.com" has status "dis", not "act" (active).' } });
  });

  it('reports a read reply without entities as malformed', async () => {
    const { outcome } = await verify({ read: (_request, response) => sendJson(response, { results: { nothing: true } }) });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
  });

  it('sends no credentials to something that is not a ShotGrid site', async () => {
    const { outcome, sent } = await verify({
      info: (_request, response) => sendText(response, 200, 'text/html', '<title>Guest Wi-Fi</title>'),
      read: readReturns([ARTIST_ENTITY]),
    });
    expect(outcome).toEqual({ ok: false, roundTrips: 1, failure: { kind: 'html', status: 200, pageTitle: 'Guest Wi-Fi' } });
    expect(sent).toEqual([{ method_name: 'info', params: [] }]);
  });

  it('never puts the passphrase into a failure, even when the server echoes it', async () => {
    const { outcome } = await verify({ read: (_request, response) => sendJson(response, api3Fault(102, `Bad password ${PASSPHRASE} for artist`)) });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'auth-rejected', serverMessage: 'Bad password [redacted] for artist' } });
    expect(JSON.stringify(outcome)).not.toContain(PASSPHRASE);
  });
});

describe('verifyLogin with a 2FA code', () => {
  const withCode = { ...artist, twoFactorCode: CODE };
  const sessionIssued = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, { results: { session_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' } });

  it('swaps the code for a session token, then reads with it: three round trips', async () => {
    const { outcome, sent } = await verify({ get_session_token: sessionIssued, read: readReturns([ARTIST_ENTITY]) }, withCode);
    expect(sent).toEqual([
      { method_name: 'info', params: [] },
      { method_name: 'get_session_token', params: [{ user_login: 'artist@studio.com', user_password: PASSPHRASE, auth_token: CODE }] },
      expectedRead({ session_token: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', reject_if_expired: true }),
    ]);
    expect(outcome).toMatchObject({ ok: true, roundTrips: 3, value: { id: 42 } });
  });

  it('takes a bare session_id reply too', async () => {
    const { outcome } = await verify({ get_session_token: (_request, response) => sendJson(response, { session_id: 'feed' }), read: readReturns([ARTIST_ENTITY]) }, withCode);
    expect(outcome).toMatchObject({ ok: true, roundTrips: 3 });
  });

  it('reports a refused code as rejected, without reading and without retrying', async () => {
    const { outcome, sent } = await verify({ get_session_token: (_request, response) => sendJson(response, api3Fault(106, 'Invalid 2FA code')), read: readReturns([ARTIST_ENTITY]) }, withCode);
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'two-factor-rejected', serverMessage: 'Invalid 2FA code' } });
    expect(sent).toHaveLength(2);
  });

  it('reports a reply without a session id as malformed', async () => {
    const { outcome } = await verify({ get_session_token: (_request, response) => sendJson(response, { results: {} }), read: readReturns([ARTIST_ENTITY]) }, withCode);
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'malformed', detail: 'The site accepted the code but sent no session id.' } });
  });

  it('treats a blank code as no code', async () => {
    const { outcome, sent } = await verify({ read: readReturns([ARTIST_ENTITY]) }, { ...artist, twoFactorCode: '  ' });
    expect(outcome).toMatchObject({ ok: true, roundTrips: 2 });
    expect(sent[1]).toEqual(expectedRead({ user_login: 'artist@studio.com', user_password: PASSPHRASE }));
  });

  it('never puts the code into a failure', async () => {
    const { outcome } = await verify({ get_session_token: (_request, response) => sendJson(response, api3Fault(106, `Code ${CODE} already used`)) }, withCode);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'two-factor-rejected', serverMessage: 'Code [redacted] already used' } });
  });
});
