import { describe, expect, it } from 'vitest';
import {
  api3, jwtClaims, manualClock, practiceSites, rawHttp, restError, seededAccount, seededScript, sessionIdOf, tokenRequest,
} from '../../fixtures/practice-site';
import type { RestAnswer } from '../../fixtures/practice-site';

const sites = practiceSites();

function expectToken(answer: RestAnswer): Record<string, unknown> {
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    token_type: 'Bearer',
    access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    expires_in: 600,
    refresh_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
  });
  return jwtClaims(answer.body['access_token'] as string);
}

describe('GET /api/v1', () => {
  it('describes the site without credentials, as recorded', async () => {
    const site = await sites.start();
    for (const path of ['/api/v1', '/api/v1/', '/api/v1.1']) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: {
          shotgun_version: 'v8.89.0.9724 (build 47ec49f)',
          api_version: '1.0',
          unified_login_flow_enabled: true,
          authentication_app_session_launcher_enabled: true,
          user_authentication_method: 'oxygen',
          site_id: expect.any(String),
          site_name: expect.any(String),
        },
      });
    }
  });

  it('answers in the utf-8 JSON content type with a Date header from the site clock', async () => {
    const clock = manualClock(new Date('2030-01-15T08:30:00Z'));
    const site = await sites.start({ clock: clock.now });
    for (const [method, path] of [['GET', '/api/v1'], ['POST', '/api/v1/auth/access_token'], ['GET', '/api/v1/me']] as const) {
      const answer = await rawHttp(site, method, path);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['date']).toBe('Tue, 15 Jan 2030 08:30:00 GMT');
    }
  });

  it('has no "me" route and no v2', async () => {
    const site = await sites.start();
    for (const path of ['/api/v1/me', '/api/v1/auth/me', '/api/v1/users/me', '/api/v1/entity/human_users/me', '/api/v2']) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as RestAnswer['body'];
      expect(restError({ status: 404, body })).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{32}$/), status: 404, code: 103, title: 'Not Found', source: null, detail: null, meta: null,
      });
    }
  });
});

describe('POST /api/v1/auth/access_token grants', () => {
  it('issues a bearer for a password grant, with the recorded claims', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
    const site = await sites.start({ clock: clock.now });
    const account = seededAccount('works');
    const claims = expectToken(await tokenRequest(site, { grant_type: 'password', username: account.login, password: account.passphrase ?? '' }));
    const host = new URL(site.url).host;
    expect(claims).toEqual({
      iss: host, aud: host, iat: 1772442000, exp: 1772442600, jti: expect.stringMatching(/^[0-9a-f]{32}$/),
      user: { type: 'HumanUser', id: account.id }, sudo_as_login: null, auth_type: 'password', session_uuid: null,
    });
  });

  it('issues an api_key bearer for client_credentials, with sudo only from the scope', async () => {
    const site = await sites.start();
    const script = seededScript(true);
    const target = seededAccount('sudo-target').login;
    const viaBody = expectToken(await tokenRequest(site, {
      grant_type: 'client_credentials', client_id: script.name, client_secret: script.key, sudo_as_login: target,
    }));
    expect(viaBody).toMatchObject({ user: { type: 'ApiUser', id: 202 }, auth_type: 'api_key', sudo_as_login: null });
    const viaScope = expectToken(await tokenRequest(site, {
      grant_type: 'client_credentials', client_id: script.name, client_secret: script.key, scope: `sudo_as_login:${target}`,
    }));
    expect(viaScope).toMatchObject({ sudo_as_login: target });
  });

  it('carries session_uuid into the claims, and a refresh keeps it and the sudo', async () => {
    const site = await sites.start();
    const admin = seededAccount('admin');
    const target = seededAccount('sudo-target').login;
    const first = await tokenRequest(site, {
      grant_type: 'password', username: admin.login, password: admin.passphrase ?? '',
      scope: `sudo_as_login:${target}`, session_uuid: 'c0ffee00-1111-2222-3333-444455556666',
    });
    const expected = {
      user: { type: 'HumanUser', id: admin.id }, sudo_as_login: target, session_uuid: 'c0ffee00-1111-2222-3333-444455556666',
    };
    expect(expectToken(first)).toMatchObject(expected);
    const refreshed = await tokenRequest(site, { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string });
    expect(expectToken(refreshed)).toMatchObject(expected);
  });

  it('ignores a sudo_as_login body field on a password grant too', async () => {
    const site = await sites.start();
    const admin = seededAccount('admin');
    const claims = expectToken(await tokenRequest(site, {
      grant_type: 'password', username: admin.login, password: admin.passphrase ?? '', sudo_as_login: seededAccount('sudo-target').login,
    }));
    expect(claims).toMatchObject({ user: { type: 'HumanUser', id: admin.id }, sudo_as_login: null });
  });

  it('swaps a session token without consuming it', async () => {
    const site = await sites.start();
    const account = seededAccount('admin');
    const sessionToken = site.openBrowserSession(account.login);
    for (let exchange = 0; exchange < 2; exchange += 1) {
      const claims = expectToken(await tokenRequest(site, { grant_type: 'session_token', session_token: sessionToken }));
      expect(claims).toMatchObject({ user: { type: 'HumanUser', id: account.id }, auth_type: 'session_token' });
    }
  });

  it('refreshes with a valid refresh token and refuses a fake one with 401', async () => {
    const site = await sites.start();
    const script = seededScript(false);
    const first = await tokenRequest(site, { grant_type: 'client_credentials', client_id: script.name, client_secret: script.key });
    const refreshed = await tokenRequest(site, { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string });
    expect(expectToken(refreshed)).toMatchObject({ user: { type: 'ApiUser', id: 201 }, auth_type: 'api_key' });

    const accessAsRefresh = await tokenRequest(site, { grant_type: 'refresh_token', refresh_token: first.body['access_token'] as string });
    expect(accessAsRefresh.status).toBe(401);
    const fake = await tokenRequest(site, { grant_type: 'refresh_token', refresh_token: 'fake-value' });
    expect(fake.status).toBe(401);
    expect(restError(fake)).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('refuses a refresh token once it has expired', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const script = seededScript(false);
    const first = await tokenRequest(site, { grant_type: 'client_credentials', client_id: script.name, client_secret: script.key });
    clock.advance(25 * 60 * 60 * 1000);
    expect((await tokenRequest(site, { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string })).status).toBe(401);
  });

  it.each(['authorization_code', 'implicit', 'refresh', ''])('refuses grant_type %j with 400 code 103', async (grant) => {
    const site = await sites.start();
    const answer = await tokenRequest(site, { grant_type: grant, username: 'x', password: 'y' });
    expect(answer.status).toBe(400);
    expect(restError(answer)).toMatchObject({ status: 400, code: 103, title: 'Unsupported grant_type' });
  });
});

describe('POST /api/v1/auth/access_token refusals', () => {
  it.each([
    ['password', { grant_type: 'password' }],
    ['client_credentials', { grant_type: 'client_credentials', client_id: 'x' }],
    ['session_token', { grant_type: 'session_token' }],
  ])('answers a %s grant without its fields with the recorded text', async (_grant, form) => {
    const site = await sites.start();
    const answer = await tokenRequest(site, form);
    expect(answer.status).toBe(400);
    expect(restError(answer)).toMatchObject({ title: 'Missing or invalid authentication arguments' });
  });

  it('refuses bad user, script and session credentials with the recorded texts', async () => {
    const site = await sites.start();
    const user = await tokenRequest(site, { grant_type: 'password', username: 'fake@studio.example', password: 'nope' });
    expect(user.status).toBe(400);
    expect(restError(user)).toMatchObject({ status: 400, title: "Can't authenticate user 'fake@studio.example'." });
    const script = await tokenRequest(site, { grant_type: 'client_credentials', client_id: 'gridpass-reader', client_secret: 'nope' });
    expect(restError(script)).toMatchObject({ status: 400, title: "Can't authenticate script 'gridpass-reader'" });
    const session = await tokenRequest(site, { grant_type: 'session_token', session_token: 'made-up-value' });
    expect(restError(session)).toMatchObject({ status: 400, title: "Can't authenticate session token ending with 'alue'" });
  });

  it('asks for the 2FA code with 400 code 106 and source.auth_token', async () => {
    const site = await sites.start();
    const account = seededAccount('two-factor');
    const form = { grant_type: 'password', username: account.login, password: account.passphrase ?? '' };
    const missing = await tokenRequest(site, form);
    expect(restError(missing)).toMatchObject({
      status: 400, code: 106, title: 'Missing argument for 2FA login', source: { auth_token: 'missing for 2FA login' },
    });
    expectToken(await tokenRequest(site, { ...form, auth_token: account.twoFactor?.backupCodes[0] ?? '' }));
    const reused = await tokenRequest(site, { ...form, auth_token: account.twoFactor?.backupCodes[0] ?? '' });
    expect(restError(reused)).toMatchObject({ status: 400, code: 106 });
  });

  it('answers a missing PAT with 400 "Can\'t authenticate user" by default, 401 when switched', async () => {
    const account = seededAccount('no-pat');
    const form = { grant_type: 'password', username: account.login, password: account.passphrase ?? '' };
    const site400 = await sites.start();
    expect(restError(await tokenRequest(site400, form))).toMatchObject({ status: 400, title: `Can't authenticate user '${account.login}'.` });
    const site401 = await sites.start({ restNoPatReply: 401 });
    expect(restError(await tokenRequest(site401, form))).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('refuses locked and inactive accounts with 400 naming the reason', async () => {
    const site = await sites.start();
    for (const [scenario, word] of [['locked', /locked/], ['inactive', /inactive/]] as const) {
      const account = seededAccount(scenario);
      const answer = await tokenRequest(site, { grant_type: 'password', username: account.login, password: account.passphrase ?? '' });
      expect(restError(answer)).toMatchObject({ status: 400, code: 102, title: expect.stringMatching(word) });
    }
  });

  it('refuses password grants on an SSO site', async () => {
    const site = await sites.start({ method: 'saml2' });
    const answer = await tokenRequest(site, { grant_type: 'password', username: 'mokafor', password: 'anything' });
    expect(restError(answer)).toMatchObject({ status: 400, code: 108 });
  });

  it('refuses sudo scopes with the three recorded 102 refusals', async () => {
    const site = await sites.start();
    const script = seededScript(true);
    const sudo = (login: string): Promise<RestAnswer> => tokenRequest(site, {
      grant_type: 'client_credentials', client_id: script.name, client_secret: script.key, scope: `sudo_as_login:${login}`,
    });
    const inactive = seededAccount('inactive').login;
    const flagOff = seededAccount('sudo-not-allowed').login;
    expect(restError(await sudo(inactive))).toMatchObject({ status: 400, code: 102, title: `Cannot 'sudo' - inactive user account: '${inactive}'` });
    expect(restError(await sudo('ghost'))).toMatchObject({ status: 400, code: 102, title: "Cannot 'sudo' - unknown or retired user: 'ghost'" });
    const retired = seededAccount('retired').login;
    expect(restError(await sudo(retired))).toMatchObject({ status: 400, code: 102, title: `Cannot 'sudo' - unknown or retired user: '${retired}'` });
    expect(restError(await sudo(flagOff))).toMatchObject({
      status: 400, code: 102, title: `Cannot 'sudo' - user account has 'can_impersonate_this_user' turned off: '${flagOff}'`,
    });
  });
});

describe('POST /api/v1/auth/access_token content types', () => {
  const script = seededScript(false);
  const form = `grant_type=client_credentials&client_id=${script.name}&client_secret=${script.key}`;

  it.each([undefined, 'application/x-www-form-urlencoded; charset=bogus', 'Application/X-WWW-Form-Urlencoded;charset=UTF-8'])(
    'accepts a form body with Content-Type %j', async (contentType) => {
      const site = await sites.start();
      const response = await fetch(`${site.url}/api/v1/auth/access_token`, {
        method: 'POST', body: Buffer.from(form), headers: contentType === undefined ? {} : { 'content-type': contentType },
      });
      expect(response.status).toBe(200);
    });

  it('accepts the fields in the query string of an empty POST', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api/v1/auth/access_token?${form}`, { method: 'POST' });
    expect(response.status).toBe(200);
  });

  it('refuses application/json with 400 "Invalid JSON body"', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api/v1/auth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(restError({ status: 400, body: await response.json() as RestAnswer['body'] })).toMatchObject({
      title: 'Invalid JSON body', source: { body: 'Empty input (after ) at line 1, column 1 ' },
    });
  });

  it('refuses application/json even when the JSON holds good credentials', async () => {
    const site = await sites.start();
    const body = JSON.stringify({ grant_type: 'client_credentials', client_id: script.name, client_secret: script.key });
    const answer = await rawHttp(site, 'POST', '/api/v1/auth/access_token', { 'content-type': 'application/json; charset=utf-8' }, body);
    expect(answer.status).toBe(400);
    expect(restError({ status: 400, body: JSON.parse(answer.body) as RestAnswer['body'] })).toMatchObject({ status: 400, title: 'Invalid JSON body' });
  });

  it('refuses text/plain with 415 naming the accepted type', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api/v1/auth/access_token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: form });
    expect(response.status).toBe(415);
    expect(restError({ status: 415, body: await response.json() as RestAnswer['body'] })).toMatchObject({
      status: 415,
      title: "Unsupported Content-Type 'text/plain'",
      source: { content_type: "Content-Type must be one of: 'application/x-www-form-urlencoded'." },
    });
  });
});

describe('REST and API3 share one site', () => {
  it('spends an API3 session at the token endpoint', async () => {
    const site = await sites.start();
    const script = seededScript(false);
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', { script_name: script.name, script_key: script.key }));
    expect(expectToken(await tokenRequest(site, { grant_type: 'session_token', session_token: sessionId })))
      .toMatchObject({ user: { type: 'ApiUser', id: 201 } });
  });
});
