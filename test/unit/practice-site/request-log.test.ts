import { describe, expect, it } from 'vitest';
import {
  api3, passwordAuth, practiceSites, seededAccount, seededScript, sessionIdOf, tokenRequest,
} from '../../fixtures/practice-site';

const sites = practiceSites();

describe('request log', () => {
  it('records who asked for what and how it ended, with the site clock', async () => {
    const at = new Date('2026-03-02T09:00:00Z');
    const site = await sites.start({ clock: () => at });
    const account = seededAccount('works');
    await api3(site, 'info');
    await api3(site, 'get_session_token', { user_login: account.login, user_password: 'guess' });
    await tokenRequest(site, { grant_type: 'client_credentials', client_id: 'gridpass-reader', client_secret: 'nope' });
    expect(site.log.entries()).toEqual([
      { at, call: 'info', authKind: 'none', principal: null, sudoAs: null, outcome: { kind: 'ok' } },
      { at, call: 'get_session_token', authKind: 'password', principal: account.login, sudoAs: null, outcome: { kind: 'fault', errorCode: 102 } },
      {
        at, call: 'POST /api/v1/auth/access_token', authKind: 'script', principal: 'gridpass-reader', sudoAs: null,
        outcome: { kind: 'http-error', status: 400, code: 102 },
      },
    ]);
  });

  it('counts credentialed requests, per login or script name', async () => {
    const site = await sites.start();
    const account = seededAccount('works');
    const script = seededScript(false);
    await api3(site, 'info');
    await api3(site, 'get_session_token', passwordAuth(account));
    await api3(site, 'get_session_token', { user_login: account.login.toUpperCase(), user_password: 'guess' });
    await tokenRequest(site, { grant_type: 'client_credentials', client_id: script.name, client_secret: script.key });
    expect(site.log.credentialedCount()).toBe(3);
    expect(site.log.credentialedCount(account.login)).toBe(2);
    expect(site.log.credentialedCount(script.name)).toBe(1);
    site.log.clear();
    expect(site.log.entries()).toEqual([]);
    expect(site.log.credentialedCount()).toBe(0);
  });

  it('names the owner of a session, not the session token', async () => {
    const site = await sites.start();
    const account = seededAccount('works');
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(account)));
    await api3(site, 'get_session_token', { session_token: sessionId, reject_if_expired: true });
    expect(site.log.entries().at(-1)).toMatchObject({ authKind: 'session', principal: account.login, outcome: { kind: 'ok' } });
  });

  it('never holds a passphrase, script key, 2FA code, session token or bearer', async () => {
    const site = await sites.start();
    const planted: string[] = [];
    const plant = (secret: string | null | undefined): string => {
      if (secret === null || secret === undefined) throw new Error('missing practice secret');
      planted.push(secret);
      return secret;
    };
    const works = seededAccount('works');
    const twoFactor = seededAccount('two-factor');
    const publisher = seededScript(true);

    const sessionId = plant(sessionIdOf(await api3(site, 'get_session_token', { user_login: works.login, user_password: plant(works.passphrase) })));
    await api3(site, 'get_session_token', { user_login: works.login, user_password: plant('wrong-guess-passphrase') });
    await api3(site, 'get_session_token', { user_login: twoFactor.login, user_password: plant(twoFactor.passphrase), auth_token: plant(twoFactor.twoFactor?.codes[0]) });
    await api3(site, 'get_session_token', { user_login: twoFactor.login, user_password: plant(twoFactor.passphrase), auth_token: plant('999111') });
    await api3(site, 'read', { script_name: publisher.name, script_key: plant(publisher.key), sudo_as_login: seededAccount('sudo-target').login }, { type: 'HumanUser' });
    await api3(site, 'read', { session_token: sessionId, reject_if_expired: true }, { type: 'ApiUser' });
    await api3(site, 'read', { session_token: plant('unknown-session-token-value') }, { type: 'ApiUser' });
    const token = await tokenRequest(site, { grant_type: 'password', username: works.login, password: plant(works.passphrase) });
    plant(token.body['access_token'] as string);
    await tokenRequest(site, { grant_type: 'refresh_token', refresh_token: plant(token.body['refresh_token'] as string) });
    await tokenRequest(site, { grant_type: 'session_token', session_token: sessionId });
    await tokenRequest(site, { grant_type: 'client_credentials', client_id: publisher.name, client_secret: plant('not-the-key-at-all') });

    const logged = JSON.stringify(site.log.entries());
    expect(site.log.entries().length).toBe(11);
    for (const secret of planted) expect(logged).not.toContain(secret);
  });
});
