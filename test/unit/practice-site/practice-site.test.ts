import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, startPracticeSite } from '../../../src/practice-site/practice-site';
import { api3, practiceSites, seededAccount } from '../../fixtures/practice-site';

const sites = practiceSites();

describe('startPracticeSite', () => {
  it('starts an Identity site on a random loopback port by default', async () => {
    const site = await sites.start();
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.method).toBe('oxygen');
    expect(site.accounts.map((account) => account.scenario)).toEqual([
      'works', 'works-legacy-login', 'no-pat', 'no-passphrase', 'two-factor', 'locked', 'inactive',
      'sudo-target', 'sudo-not-allowed', 'retired', 'admin', 'legacy-login-differs',
    ]);
    expect(site.scripts.map((script) => script.name)).toEqual(['gridpass-reader', 'gridpass-publisher']);
  });

  it('listens on loopback only', async () => {
    await expect(startPracticeSite({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
    await expect(startPracticeSite({ host: '192.168.1.20' })).rejects.toThrow(/loopback only/);
  });

  it('seeds each login method with the accounts that make sense there', async () => {
    const sso = await sites.start({ method: 'saml2' });
    expect(sso.accounts.every((account) => account.passphrase === null)).toBe(true);
    expect(sso.accounts.map((account) => account.scenario)).not.toContain('two-factor');
    const ldap = await sites.start({ method: 'ldap' });
    expect(ldap.accounts.map((account) => account.scenario)).not.toContain('no-pat');
    expect(ldap.accounts.every((account) => !account.login.includes('@'))).toBe(true);
  });

  it('reports live account state and nothing for unknown logins', async () => {
    const site = await sites.start();
    const account = seededAccount('two-factor');
    expect(site.account(account.login.toUpperCase())).toEqual({
      id: account.id, login: account.login, status: 'act', retired: false, consecutiveFailures: 0, lockedUntil: null,
      unusedTwoFactorCodes: 7,
    });
    expect(site.account('nobody')).toBeUndefined();
  });

  it('stops listening on close', async () => {
    const site = await startPracticeSite();
    await api3(site, 'info');
    await site.close();
    await expect(fetch(`${site.url}/api/v1`)).rejects.toThrow();
  });
});

describe('bad input never crashes the site', () => {
  it('refuses bodies over the limit with 413 and keeps serving', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api3/json`, { method: 'POST', body: 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect((await api3(site, 'info')).body).toHaveProperty('version');
  });

  it.each(['/api/v1/auth/access_token', '/internal_api/app_session_request', '/__practice/faults'])(
    'bounds the body on %s too', async (path) => {
      const site = await sites.start({ maxBodyBytes: 1000 });
      const response = await fetch(`${site.url}${path}`, { method: 'POST', body: 'z'.repeat(1001) });
      expect(response.status).toBe(413);
      expect(site.faults()).toEqual({});
      expect((await fetch(`${site.url}/api/v1`)).status).toBe(200);
    });

  it('refuses a streamed body that grows past the limit', async () => {
    const site = await sites.start({ maxBodyBytes: 1000 });
    const port = Number(new URL(site.url).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /api3/json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
        socket.write(`7d0\r\n${'y'.repeat(2000)}\r\n`);
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect((await api3(site, 'info')).body).toHaveProperty('version');
  });

  it('answers GET on the API3 endpoint with 405', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api3/json`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers unknown pages with an HTML 404', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/no/such/page`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('survives garbage on the wire', async () => {
    const site = await sites.start();
    const port = Number(new URL(site.url).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('\u0000\u0001 NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect((await api3(site, 'info')).body).toHaveProperty('version');
  });
});
