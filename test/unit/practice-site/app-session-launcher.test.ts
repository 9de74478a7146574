import { describe, expect, it } from 'vitest';
import { APP_SESSION_REQUEST_LIFETIME_MS } from '../../../src/practice-site/app-session-launcher';
import type { PracticeSite } from '../../../src/practice-site/practice-site';
import {
  api3, corsHeaderNames, manualClock, practiceSites, rawHttp, seededAccount, tokenRequest,
} from '../../fixtures/practice-site';

const sites = practiceSites();

async function requestSession(site: PracticeSite): Promise<{ sessionRequestId: string; url: string }> {
  const response = await fetch(`${site.url}/internal_api/app_session_request`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'appName=Gridpass&machineId=render-07',
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { sessionRequestId: string; url: string };
}

async function poll(site: PracticeSite, id: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${site.url}/internal_api/app_session_request/${id}`, { method: 'PUT' });
  return { status: response.status, body: await response.json() };
}

describe('App Session Launcher', () => {
  it('hands out the session token once, after a person approves', async () => {
    const site = await sites.start({ method: 'saml2' });
    const person = seededAccount('works', 'saml2');
    const { sessionRequestId, url } = await requestSession(site);
    expect(url).toBe(`${site.url}/app_session_request/${sessionRequestId}?sticky_id=${sessionRequestId}`);
    expect(await poll(site, sessionRequestId)).toEqual({ status: 200, body: { approved: false } });
    expect(site.appSessionRequests()).toEqual([expect.objectContaining({ id: sessionRequestId, appName: 'Gridpass', machineId: 'render-07' })]);

    expect(site.approveAppSession(sessionRequestId, person.login)).toEqual({ ok: true });
    const approved = await poll(site, sessionRequestId);
    expect(approved).toEqual({ status: 200, body: { approved: true, sessionToken: expect.stringMatching(/^[0-9a-f]{32}$/), userLogin: person.login } });
    expect(await poll(site, sessionRequestId)).toEqual({ status: 404, body: { message: 'Not Found' } });

    const sessionToken = (approved.body as { sessionToken: string }).sessionToken;
    expect((await api3(site, 'get_session_token', { session_token: sessionToken, reject_if_expired: true })).body).toHaveProperty('results.session_id');
    expect((await tokenRequest(site, { grant_type: 'session_token', session_token: sessionToken })).status).toBe(200);
  });

  it('answers 404 for denied, unknown and expired requests', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const denied = await requestSession(site);
    expect(site.denyAppSession(denied.sessionRequestId)).toEqual({ ok: true });
    expect((await poll(site, denied.sessionRequestId)).status).toBe(404);
    expect((await poll(site, 'no-such-request')).status).toBe(404);
    const forgotten = await requestSession(site);
    clock.advance(APP_SESSION_REQUEST_LIFETIME_MS + 1000);
    expect(await poll(site, forgotten.sessionRequestId)).toEqual({ status: 404, body: { message: 'Not Found' } });
    expect(site.approveAppSession(forgotten.sessionRequestId, seededAccount('works').login)).toEqual({ ok: false, reason: 'unknown-request' });
  });

  it('keeps a pending request for about five minutes (forgotten after 305 s, as measured)', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const { sessionRequestId } = await requestSession(site);
    clock.advance(300_000);
    expect(await poll(site, sessionRequestId)).toEqual({ status: 200, body: { approved: false } });
    clock.advance(5_000);
    expect(await poll(site, sessionRequestId)).toEqual({ status: 200, body: { approved: false } });
    clock.advance(1_000);
    expect(await poll(site, sessionRequestId)).toEqual({ status: 404, body: { message: 'Not Found' } });
  });

  it('answers JSON in the utf-8 content type, with a Date header, on every launcher call', async () => {
    const site = await sites.start();
    const { sessionRequestId } = await requestSession(site);
    for (const answer of [
      await rawHttp(site, 'POST', '/internal_api/app_session_request', { 'content-type': 'application/x-www-form-urlencoded' }, 'appName=a&machineId=b'),
      await rawHttp(site, 'POST', '/internal_api/app_session_request'),
      await rawHttp(site, 'PUT', `/internal_api/app_session_request/${sessionRequestId}`),
      await rawHttp(site, 'PUT', '/internal_api/app_session_request/no-such-request'),
    ]) {
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['date']).toMatch(/ GMT$/);
      expect(Object.keys(JSON.parse(answer.body) as object).length).toBeGreaterThan(0);
    }
  });

  it('sends no CORS header on any launcher answer, whatever the Origin (recorded)', async () => {
    const site = await sites.start();
    const origin = { origin: 'https://example.invalid' };
    const { sessionRequestId } = await requestSession(site);
    const answers = [
      await rawHttp(site, 'POST', '/internal_api/app_session_request', { ...origin, 'content-type': 'application/x-www-form-urlencoded' }, 'appName=a&machineId=b'),
      await rawHttp(site, 'POST', '/internal_api/app_session_request', origin),
      await rawHttp(site, 'PUT', `/internal_api/app_session_request/${sessionRequestId}`, origin),
      await rawHttp(site, 'PUT', '/internal_api/app_session_request/no-such-request', origin),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 200, 404]);
    for (const answer of answers) expect(corsHeaderNames(answer.headers)).toEqual([]);
  });

  it('answers a CORS preflight on the launcher with 200, an empty body and no CORS header (recorded)', async () => {
    const site = await sites.start();
    const { sessionRequestId } = await requestSession(site);
    const preflight = {
      origin: 'https://example.invalid', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type',
    };
    for (const path of ['/internal_api/app_session_request', `/internal_api/app_session_request/${sessionRequestId}`]) {
      const answer = await rawHttp(site, 'OPTIONS', path, preflight);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('');
      expect(answer.headers['content-type']).toBeUndefined();
      expect(corsHeaderNames(answer.headers)).toEqual([]);
    }
    expect(await poll(site, sessionRequestId)).toEqual({ status: 200, body: { approved: false } });
  });

  it('will not approve for unknown or inactive people', async () => {
    const site = await sites.start();
    const { sessionRequestId } = await requestSession(site);
    expect(site.approveAppSession(sessionRequestId, 'ghost')).toEqual({ ok: false, reason: 'unknown-user' });
    expect(site.approveAppSession(sessionRequestId, seededAccount('inactive').login)).toEqual({ ok: false, reason: 'inactive-user' });
  });

  it('names missing parameters as recorded, and takes JSON too', async () => {
    const site = await sites.start();
    const empty = await fetch(`${site.url}/internal_api/app_session_request`, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ message: 'Missing params: appName, machineId' });
    const json = await fetch(`${site.url}/internal_api/app_session_request`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appName: 'Gridpass', machineId: 'ws-1' }),
    });
    expect(json.status).toBe(200);
  });

  it('answers 403 when the site has the launcher off', async () => {
    const site = await sites.start({ appSessionLauncher: false });
    const response = await fetch(`${site.url}/internal_api/app_session_request`, { method: 'POST', body: 'appName=a&machineId=b' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });

  it('sends a browser without a site cookie to sign in first', async () => {
    const site = await sites.start();
    const { sessionRequestId } = await requestSession(site);
    const response = await fetch(`${site.url}/app_session_request/${sessionRequestId}?sticky_id=${sessionRequestId}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${site.url}/user/login?return_path=/app_session_request/${sessionRequestId}`);
  });

  it('is approved through the practice controls', async () => {
    const site = await sites.start();
    const { sessionRequestId } = await requestSession(site);
    const pending = await fetch(`${site.url}/__practice/app-session-requests`);
    expect(await pending.json()).toEqual({ pending: [expect.objectContaining({ id: sessionRequestId })] });
    const approve = await fetch(`${site.url}/__practice/app-session-requests/${sessionRequestId}`, {
      method: 'POST', body: JSON.stringify({ decision: 'approve', login: seededAccount('admin').login }),
    });
    expect(approve.status).toBe(200);
    expect(await poll(site, sessionRequestId)).toMatchObject({ status: 200, body: { approved: true } });
  });
});
