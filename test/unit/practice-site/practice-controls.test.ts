import { describe, expect, it } from 'vitest';
import { api3, passwordAuth, practiceSites, seededAccount, sessionIdOf } from '../../fixtures/practice-site';
import { plantedSecret } from '../../fixtures/plant-secret';

const sites = practiceSites();

describe('practice controls', () => {
  it('opens a browser session for a person, usable as an API3 session token', async () => {
    const site = await sites.start({ method: 'saml2' });
    const person = seededAccount('admin', 'saml2');
    const response = await fetch(`${site.url}/__practice/sessions`, { method: 'POST', body: JSON.stringify({ login: person.login }) });
    expect(response.status).toBe(200);
    const { session_token: token } = (await response.json()) as { session_token: string };
    expect((await api3(site, 'read', { session_token: token, reject_if_expired: true }, { type: 'HumanUser' })).body).toHaveProperty('results.entities');
  });

  it('expires the sessions of one login on request, so a tool meets an expired session without waiting a day', async () => {
    const site = await sites.start({ sessionIdPrefix: 'planted-session-' });
    const works = seededAccount('works');
    const admin = seededAccount('admin');
    const worksToken = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(works)));
    const adminToken = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(admin)));
    expect(worksToken).toMatch(/^planted-session-[0-9a-f]{32}$/);

    const expire = await fetch(`${site.url}/__practice/sessions/expire`, { method: 'POST', body: JSON.stringify({ login: works.login.toUpperCase() }) });
    expect(await expire.json()).toEqual({ expired: 1 });
    const refused = await api3(site, 'read', { session_token: worksToken, reject_if_expired: true }, { type: 'HumanUser' });
    expect(refused.body).toMatchObject({ exception: true, error_code: 102 });
    expect((await api3(site, 'read', { session_token: adminToken, reject_if_expired: true }, { type: 'HumanUser' })).body).toHaveProperty('results.entities');

    const everyone = await fetch(`${site.url}/__practice/sessions/expire`, { method: 'POST', body: '{}' });
    expect(await everyone.json()).toEqual({ expired: 1 });
    const bad = await fetch(`${site.url}/__practice/sessions/expire`, { method: 'POST', body: JSON.stringify({ login: '' }) });
    expect(bad.status).toBe(400);
  });

  it('refuses a session for an unknown person with a message, not a stack trace', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/__practice/sessions`, { method: 'POST', body: JSON.stringify({ login: 'ghost' }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "No active practice account has the login 'ghost'." });
  });

  it('answers bad JSON and unknown routes plainly', async () => {
    const site = await sites.start();
    const bad = await fetch(`${site.url}/__practice/faults`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'The body is not valid JSON.' });
    const decision = await fetch(`${site.url}/__practice/app-session-requests/abc`, { method: 'POST', body: JSON.stringify({ decision: 'maybe' }) });
    expect(decision.status).toBe(400);
    expect((await fetch(`${site.url}/__practice/nothing`)).status).toBe(404);
  });

  it('logs control calls as control, without credentials', async () => {
    const site = await sites.start();
    await fetch(`${site.url}/__practice/faults`);
    expect(site.log.entries()).toEqual([expect.objectContaining({ call: 'GET /__practice/faults', authKind: 'control', principal: null })]);
    expect(site.log.credentialedCount()).toBe(0);
  });

  it('hands out its request log to another process: who asked and how it went, never with what', async () => {
    const site = await sites.start();
    const person = seededAccount('admin');
    await api3(site, 'info');
    await api3(site, 'read', { user_login: person.login, user_password: plantedSecret('wrong-passphrase') }, { type: 'HumanUser' });
    const response = await fetch(`${site.url}/__practice/log`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('planted-');
    const { entries } = JSON.parse(text) as { entries: { at: string; call: string; authKind: string; principal: string | null }[] };
    expect(entries.map((entry) => [entry.call, entry.authKind, entry.principal])).toEqual([
      ['info', 'none', null],
      ['read', 'password', person.login],
    ]);
    expect(Number.isNaN(Date.parse(entries[0]?.at ?? ''))).toBe(false);
  });

  it('empties its request log on DELETE, so another process can count from a known point', async () => {
    const site = await sites.start();
    await api3(site, 'read', { user_login: seededAccount('works').login, user_password: plantedSecret('wrong-passphrase') }, { type: 'HumanUser' });
    expect((await fetch(`${site.url}/__practice/log`, { method: 'DELETE' })).status).toBe(200);
    const after = (await (await fetch(`${site.url}/__practice/log`)).json()) as { entries: { call: string }[] };
    expect(after.entries.map((entry) => entry.call)).toEqual(['DELETE /__practice/log']);
  });
});

describe('the approval page (what npm run demo opens in the browser)', () => {
  async function openRequest(url: string): Promise<{ approvalUrl: string; id: string }> {
    const response = await fetch(`${url}/internal_api/app_session_request`, { method: 'POST', body: new URLSearchParams({ appName: 'Gridpass', machineId: 'ws-1' }) });
    const { sessionRequestId, url: approvalUrl } = (await response.json()) as { sessionRequestId: string; url: string };
    return { approvalUrl, id: sessionRequestId };
  }

  it('lets the person approve as a chosen seeded person, then the next poll hands over the session', async () => {
    const site = await sites.start();
    const { approvalUrl, id } = await openRequest(site.url);
    const page = await fetch(approvalUrl);
    expect(page.url).toBe(`${site.url}/user/login?return_path=/app_session_request/${id}`);
    const html = await page.text();
    expect(html).toContain('<strong>Gridpass</strong> on <strong>ws-1</strong>');
    expect(html).toContain('Approve as Jane Doe (jdoe)');
    expect(html).not.toContain('Tom Keller');
    const approved = await fetch(`${site.url}/__practice/app-session-requests/${id}`, { method: 'POST', body: new URLSearchParams({ decision: 'approve', login: 'jdoe' }) });
    expect([approved.status, approved.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await approved.text()).toContain('Request approved');
    const poll = await fetch(`${site.url}/internal_api/app_session_request/${id}`, { method: 'PUT' });
    expect(await poll.json()).toMatchObject({ approved: true, userLogin: 'jdoe' });
  });

  it('denies from the page, and says so plainly for a request that is gone', async () => {
    const site = await sites.start();
    const { id } = await openRequest(site.url);
    const denied = await fetch(`${site.url}/__practice/app-session-requests/${id}`, { method: 'POST', body: new URLSearchParams({ decision: 'deny' }) });
    expect(await denied.text()).toContain('Request denied');
    const again = await fetch(`${site.url}/__practice/app-session-requests/${id}`, { method: 'POST', body: new URLSearchParams({ decision: 'deny' }) });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('Cannot do that: unknown-request.');
    const gone = await fetch(`${site.url}/user/login?return_path=/app_session_request/${id}`);
    expect(await gone.text()).toContain('already answered, or it expired');
  });
});

describe('deciding with curl -d', () => {
  it('reads a JSON body even when it is labelled as a form, and answers JSON', async () => {
    const site = await sites.start();
    const opened = await fetch(`${site.url}/internal_api/app_session_request`, { method: 'POST', body: new URLSearchParams({ appName: 'Gridpass', machineId: 'ws-1' }) });
    const { sessionRequestId } = (await opened.json()) as { sessionRequestId: string };
    const decided = await fetch(`${site.url}/__practice/app-session-requests/${sessionRequestId}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: JSON.stringify({ decision: 'approve', login: 'jdoe' }),
    });
    expect(await decided.json()).toEqual({ ok: true });
  });
});
