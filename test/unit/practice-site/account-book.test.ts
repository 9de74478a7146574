import { describe, expect, it } from 'vitest';
import { lockoutThreshold } from '../../../src/shotgrid/lockout';
import { api3, manualClock, passwordAuth, practiceSites, seededAccount, tokenRequest } from '../../fixtures/practice-site';

const sites = practiceSites();
const HOUR = 60 * 60 * 1000;

describe('lockout after failed logins', () => {
  it('locks after ten failures in a row, refuses the right passphrase for an hour, then lets it in', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const account = seededAccount('works');
    const wrong = { user_login: account.login, user_password: 'guess' };
    for (let attempt = 1; attempt <= lockoutThreshold; attempt += 1) {
      expect((await api3(site, 'get_session_token', wrong)).body).toMatchObject({ error_code: 102, message: expect.not.stringMatching(/locked/) });
    }
    expect(site.account(account.login)?.lockedUntil).toEqual(new Date(clock.now().getTime() + HOUR));

    const locked = await api3(site, 'get_session_token', passwordAuth(account));
    expect(locked.body).toMatchObject({ exception: true, error_code: 102, message: expect.stringMatching(/locked/) });

    clock.advance(HOUR - 1000);
    expect((await api3(site, 'get_session_token', passwordAuth(account))).body).toMatchObject({ message: expect.stringMatching(/locked/) });
    clock.advance(1001);
    expect((await api3(site, 'get_session_token', passwordAuth(account))).body).toHaveProperty('results.session_id');
  });

  it('locks REST logins the same way: refused for the hour even with the right passphrase, then let in', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const account = seededAccount('admin');
    const form = (password: string): Record<string, string> => ({ grant_type: 'password', username: account.login, password });
    for (let attempt = 1; attempt <= lockoutThreshold; attempt += 1) await tokenRequest(site, form('guess'));
    const lockedAt = clock.now().getTime();
    clock.advance(HOUR - 1000);
    const refused = await tokenRequest(site, form(account.passphrase ?? ''));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ code: 102, title: expect.stringMatching(/locked/) }] });
    await tokenRequest(site, form('guess'));
    expect(site.account(account.login)?.lockedUntil).toEqual(new Date(lockedAt + HOUR));
    clock.advance(1000);
    expect((await tokenRequest(site, form(account.passphrase ?? ''))).status).toBe(200);
  });

  it('shows the lock to read as locked_until', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
    const site = await sites.start({ clock: clock.now });
    const locked = seededAccount('locked');
    const answer = await api3(site, 'read', passwordAuth(seededAccount('works')), {
      type: 'HumanUser', return_fields: ['locked_until'],
      filters: { logical_operator: 'and', conditions: [{ path: 'login', relation: 'is', values: [locked.login] }] },
    });
    expect(answer.body).toMatchObject({ results: { entities: [{ locked_until: '2026-03-02T10:00:00Z' }] } });
  });

  it('counts REST and API3 failures together, and a success starts the count again', async () => {
    const site = await sites.start();
    const account = seededAccount('works');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await api3(site, 'get_session_token', { user_login: account.login, user_password: 'guess' });
      await tokenRequest(site, { grant_type: 'password', username: account.login, password: 'guess' });
    }
    expect(site.account(account.login)?.lockedUntil).not.toBeNull();

    const other = seededAccount('admin');
    for (let attempt = 0; attempt < lockoutThreshold - 1; attempt += 1) {
      await api3(site, 'get_session_token', { user_login: other.login, user_password: 'guess' });
    }
    expect(site.account(other.login)?.consecutiveFailures).toBe(lockoutThreshold - 1);
    await api3(site, 'get_session_token', passwordAuth(other));
    expect(site.account(other.login)?.consecutiveFailures).toBe(0);
    await api3(site, 'get_session_token', { user_login: other.login, user_password: 'guess' });
    expect(site.account(other.login)?.lockedUntil).toBeNull();
  });

  it('counts passwords sent to an Identity account with no passphrase or no PAT', async () => {
    const site = await sites.start();
    const noPat = seededAccount('no-pat');
    await api3(site, 'get_session_token', passwordAuth(noPat));
    expect(site.account(noPat.login)?.consecutiveFailures).toBe(1);
  });

  it('starts the seeded locked account locked for an hour from site start', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const locked = seededAccount('locked');
    clock.advance(HOUR + 1);
    expect((await api3(site, 'get_session_token', passwordAuth(locked))).body).toHaveProperty('results.session_id');
  });
});

describe('two-factor codes', () => {
  it('accepts each code and backup code once per site instance', async () => {
    const site = await sites.start();
    const account = seededAccount('two-factor');
    const codes = [...(account.twoFactor?.codes ?? []), ...(account.twoFactor?.backupCodes ?? [])];
    expect(codes.length).toBeGreaterThan(2);
    for (const code of codes) {
      expect((await api3(site, 'get_session_token', passwordAuth(account, { auth_token: code }))).body).toHaveProperty('results.session_id');
    }
    expect(site.account(account.login)?.unusedTwoFactorCodes).toBe(0);
    const reused = await api3(site, 'get_session_token', passwordAuth(account, { auth_token: codes[0] }));
    expect(reused.body).toMatchObject({ exception: true, error_code: 106 });
  });

  it('does not spend a code when the passphrase is wrong', async () => {
    const site = await sites.start();
    const account = seededAccount('two-factor');
    const code = account.twoFactor?.codes[1];
    await api3(site, 'get_session_token', { user_login: account.login, user_password: 'guess', auth_token: code });
    expect((await api3(site, 'get_session_token', passwordAuth(account, { auth_token: code }))).body).toHaveProperty('results.session_id');
  });

  it('gives every site instance a fresh set of codes', async () => {
    const account = seededAccount('two-factor');
    const code = account.twoFactor?.codes[0];
    const first = await sites.start();
    await api3(first, 'get_session_token', passwordAuth(account, { auth_token: code }));
    const second = await sites.start();
    expect((await api3(second, 'get_session_token', passwordAuth(account, { auth_token: code }))).body).toHaveProperty('results.session_id');
  });
});
