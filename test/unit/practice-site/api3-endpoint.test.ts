import { describe, expect, it } from 'vitest';
import type { PracticeSite } from '../../../src/practice-site/practice-site';
import {
  api3, manualClock, passwordAuth, practiceSites, seededAccount, seededScript, sessionIdOf,
} from '../../fixtures/practice-site';

const sites = practiceSites();

function fault(code: number, message: string | RegExp): Record<string, unknown> {
  return { exception: true, error_code: code, message: typeof message === 'string' ? message : expect.stringMatching(message) };
}

describe('API3 info', () => {
  it('answers without credentials, bare, with the version and login method fields clients read', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'info');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toMatchObject({
      version: [8, 89, 0],
      full_version: [8, 89, 0, 9724],
      user_authentication_method: 'oxygen',
      unified_login_flow_enabled: true,
      authentication_app_session_launcher_enabled: true,
      api_max_entities_per_page: 500,
      s3_uploads_enabled: true,
      s3_direct_uploads_enabled: true,
      s3_enabled_upload_types: expect.any(Object),
      totango_site_id: expect.any(String),
      totango_site_name: expect.any(String),
    });
    expect(answer.body).not.toHaveProperty('results');
  });

  it('wraps info in results when switched to', async () => {
    const site = await sites.start({ infoWrapped: true, method: 'ldap', appSessionLauncher: false });
    const answer = await api3(site, 'info');
    expect(answer.body['results']).toMatchObject({
      version: [8, 89, 0],
      user_authentication_method: 'ldap',
      authentication_app_session_launcher_enabled: false,
    });
  });

  it('stamps every answer with a Date header from the site clock', async () => {
    const clock = manualClock(new Date('2030-01-15T08:30:00Z'));
    const site = await sites.start({ clock: clock.now });
    const answer = await api3(site, 'info');
    expect(answer.date).toBe('Tue, 15 Jan 2030 08:30:00 GMT');
  });
});

describe('API3 faults', () => {
  it('sends every fault as HTTP 200 utf-8 JSON with exactly exception, error_code and message', async () => {
    const identity = await sites.start();
    const identity110 = await sites.start({ noPatReply: 'api3-110' });
    const sso = await sites.start({ method: 'saml2' });
    const cases: [PracticeSite, Record<string, unknown>, number][] = [
      [identity, { user_login: seededAccount('works').login, user_password: 'guess' }, 102],
      [identity, passwordAuth(seededAccount('two-factor')), 106],
      [sso, { user_login: seededAccount('works', 'saml2').login, user_password: 'x' }, 108],
      [identity110, passwordAuth(seededAccount('no-pat')), 110],
    ];
    for (const [site, auth, code] of cases) {
      const answer = await api3(site, 'get_session_token', auth);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json; charset=utf-8');
      expect(answer.date).toMatch(/ GMT$/);
      expect(Object.keys(answer.body).sort()).toEqual(['error_code', 'exception', 'message']);
      expect(answer.body).toMatchObject({ exception: true, error_code: code, message: expect.any(String) });
    }
  });
});

describe('API3 get_session_token by account state (Identity site)', () => {
  it('gives a working account a 32-hex session id wrapped in results', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('works')));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ results: { session_id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
  });

  it('answers bare session ids when switched to', async () => {
    const site = await sites.start({ sessionWrapped: false });
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('works')));
    expect(answer.body).toEqual({ session_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('refuses a wrong passphrase with 102 as HTTP 200 JSON', async () => {
    const site = await sites.start();
    const account = seededAccount('works');
    const answer = await api3(site, 'get_session_token', { user_login: account.login, user_password: 'not-it' });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual(fault(102, `Can't authenticate user '${account.login}'.`));
  });

  it('refuses an unknown login with 102', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', { user_login: 'nobody@studio.example', user_password: 'x' });
    expect(answer.body).toEqual(fault(102, "Can't authenticate user 'nobody@studio.example'."));
  });

  it('refuses the e-mail of a person whose login is a short name', async () => {
    const site = await sites.start();
    const account = seededAccount('works-legacy-login');
    const byEmail = await api3(site, 'get_session_token', { user_login: account.email, user_password: account.passphrase });
    expect(byEmail.body).toMatchObject({ exception: true, error_code: 102 });
    const byLogin = await api3(site, 'get_session_token', passwordAuth(account));
    expect(byLogin.body).toHaveProperty('results.session_id');
  });

  it('refuses the right passphrase when no PAT is bound: 102 by default, 110 when switched', async () => {
    const account = seededAccount('no-pat');
    const site102 = await sites.start();
    expect((await api3(site102, 'get_session_token', passwordAuth(account))).body)
      .toEqual(fault(102, `Can't authenticate user '${account.login}'.`));
    const site110 = await sites.start({ noPatReply: 'api3-110' });
    expect((await api3(site110, 'get_session_token', passwordAuth(account))).body)
      .toEqual(fault(110, /not allowed for an Autodesk Identity enabled/));
  });

  it('refuses any password for an Identity user who never set a passphrase', async () => {
    const site = await sites.start({ noPatReply: 'api3-110' });
    const account = seededAccount('no-passphrase');
    const answer = await api3(site, 'get_session_token', { user_login: account.login, user_password: 'my Autodesk ID password' });
    expect(answer.body).toMatchObject({ exception: true, error_code: 110 });
  });

  it('refuses an inactive account with 102 naming it inactive', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('inactive')));
    expect(answer.body).toEqual(fault(102, /inactive/));
  });

  it('tells only someone with the right passphrase that the account is inactive', async () => {
    const site = await sites.start();
    const account = seededAccount('inactive');
    const answer = await api3(site, 'get_session_token', { user_login: account.login, user_password: 'guess' });
    expect(answer.body).toEqual(fault(102, `Can't authenticate user '${account.login}'.`));
  });

  it('refuses a locked account with 102 naming the lock, even with the right passphrase', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('locked')));
    expect(answer.body).toEqual(fault(102, /locked/));
  });

  it('asks a 2FA account for its code with 106, and accepts passphrase + code', async () => {
    const site = await sites.start();
    const account = seededAccount('two-factor');
    expect((await api3(site, 'get_session_token', passwordAuth(account))).body)
      .toEqual(fault(106, 'Missing argument for 2FA login'));
    const withCode = await api3(site, 'get_session_token', passwordAuth(account, { auth_token: account.twoFactor?.codes[0] }));
    expect(withCode.body).toHaveProperty('results.session_id');
  });

  it('refuses a wrong 2FA code with 106', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('two-factor'), { auth_token: '000000' }));
    expect(answer.body).toEqual(fault(106, /wrong or was already used/));
  });

  it('refuses a retired account as unknown', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('retired')));
    expect(answer.body).toMatchObject({ exception: true, error_code: 102 });
  });
});

describe('API3 on sites that are not Identity sites', () => {
  it('needs no PAT on a default site', async () => {
    const site = await sites.start({ method: 'default' });
    const account = seededAccount('works', 'default');
    expect(account.login).toBe('mokafor');
    expect((await api3(site, 'get_session_token', passwordAuth(account))).body).toHaveProperty('results.session_id');
  });

  it('refuses every password login on an SSO site with 108, without counting it as a failure', async () => {
    const site = await sites.start({ method: 'saml2' });
    const account = seededAccount('works', 'saml2');
    const answer = await api3(site, 'get_session_token', { user_login: account.login, user_password: 'anything' });
    expect(answer.body).toEqual(fault(108, /not allowed for an SSO-enabled/));
    expect(site.account(account.login)?.consecutiveFailures).toBe(0);
  });

  it('lets scripts in on an SSO site', async () => {
    const site = await sites.start({ method: 'saml2' });
    const script = seededScript(false);
    const answer = await api3(site, 'get_session_token', { script_name: script.name, script_key: script.key });
    expect(answer.body).toHaveProperty('results.session_id');
  });
});

describe('API3 script keys, sessions and sudo_as_login', () => {
  it('accepts a working script key and refuses a wrong one with 102', async () => {
    const site = await sites.start();
    const script = seededScript(false);
    expect((await api3(site, 'get_session_token', { script_name: script.name, script_key: script.key })).body)
      .toHaveProperty('results.session_id');
    expect((await api3(site, 'get_session_token', { script_name: script.name, script_key: 'wrong' })).body)
      .toEqual(fault(102, `Can't authenticate script '${script.name}'`));
  });

  it('authenticates with a session token from get_session_token and hands the same one back', async () => {
    const site = await sites.start();
    const sessionId = sessionIdOf(await api3(site, 'get_session_token', passwordAuth(seededAccount('works'))));
    const again = await api3(site, 'get_session_token', { session_token: sessionId, reject_if_expired: true });
    expect(sessionIdOf(again)).toBe(sessionId);
  });

  it('refuses an unknown session token naming its last four characters', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', { session_token: 'feedfacefeedfacefeedfacefeed1234', reject_if_expired: true });
    expect(answer.body).toEqual(fault(102, "Can't authenticate session token ending with '1234'"));
  });

  it('uses the password when an auth block carries several credential kinds', async () => {
    const site = await sites.start();
    const account = seededAccount('works');
    const script = seededScript(false);
    await api3(site, 'get_session_token', { ...passwordAuth(account), script_name: script.name, script_key: 'wrong', session_token: 'junk' });
    expect(site.log.entries().at(-1)).toMatchObject({ authKind: 'password', principal: account.login, outcome: { kind: 'ok' } });
    await api3(site, 'get_session_token', { script_name: script.name, script_key: script.key, session_token: 'junk' });
    expect(site.log.entries().at(-1)).toMatchObject({ authKind: 'script', principal: script.name, outcome: { kind: 'ok' } });
  });

  it('ignores the extra keys python-api may add to the auth block', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'get_session_token', passwordAuth(seededAccount('works'), {
      session_uuid: 'c0ffee00-1111-2222-3333-444455556666', product: 'rv',
    }));
    expect(answer.body).toEqual({ results: { session_id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
  });

  it('does not take a 2FA code without a password as a login', async () => {
    const site = await sites.start();
    const account = seededAccount('two-factor');
    const answer = await api3(site, 'get_session_token', { user_login: account.login, auth_token: account.twoFactor?.codes[0] });
    expect(answer.body).toEqual(fault(102, 'Missing or invalid authentication arguments'));
    expect(site.account(account.login)?.unusedTwoFactorCodes).toBe(7);
  });

  it('lets the publisher script act as the sudo target, with no PAT on the target', async () => {
    const site = await sites.start();
    const script = seededScript(true);
    const target = seededAccount('sudo-target');
    const answer = await api3(site, 'read', { script_name: script.name, script_key: script.key, sudo_as_login: target.login }, {
      type: 'HumanUser',
      return_fields: ['login'],
      filters: { logical_operator: 'and', conditions: [{ path: 'login', relation: 'is', values: [target.login] }] },
    });
    expect(answer.body).toMatchObject({ results: { entities: [{ type: 'HumanUser', id: target.id, login: target.login }] } });
  });

  it('refuses sudo with the recorded wordings', async () => {
    const site = await sites.start();
    const publisher = seededScript(true);
    const auth = (login: string): Record<string, unknown> =>
      ({ script_name: publisher.name, script_key: publisher.key, sudo_as_login: login });
    const inactive = seededAccount('inactive').login;
    const offFlag = seededAccount('sudo-not-allowed').login;
    expect((await api3(site, 'get_session_token', auth(inactive))).body)
      .toEqual(fault(102, `Cannot 'sudo' - inactive user account: '${inactive}'`));
    expect((await api3(site, 'get_session_token', auth('ghost'))).body)
      .toEqual(fault(102, "Cannot 'sudo' - unknown or retired user: 'ghost'"));
    expect((await api3(site, 'get_session_token', auth(offFlag))).body)
      .toEqual(fault(102, `Cannot 'sudo' - user account has 'can_impersonate_this_user' turned off: '${offFlag}'`));
  });

  it('refuses sudo for a script that may not impersonate', async () => {
    const site = await sites.start();
    const reader = seededScript(false);
    const answer = await api3(site, 'get_session_token', {
      script_name: reader.name, script_key: reader.key, sudo_as_login: seededAccount('sudo-target').login,
    });
    expect(answer.body).toEqual(fault(102, /^Cannot 'sudo'/));
  });

  it("refuses sudo for a person who is not an admin with the wording python-api's own tests expect", async () => {
    const site = await sites.start();
    const answer = await api3(site, 'read', { ...passwordAuth(seededAccount('works')), sudo_as_login: 'blah' }, { type: 'HumanUser' });
    expect(answer.body).toEqual(fault(102, /^The user does not have permission to 'sudo':/));
  });
});

describe('API3 requests the site cannot run', () => {
  it('answers an unknown method with a fault, not an HTTP error', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'summon_dragon', passwordAuth(seededAccount('works')));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(fault(103, "API method 'summon_dragon' is not available on the practice site."));
  });

  it('answers malformed JSON with a fault and keeps serving', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api3/json`, { method: 'POST', body: '{"method_name": "info", ' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(fault(103, 'The request body is not valid JSON.'));
    expect((await api3(site, 'info')).body).toHaveProperty('version');
  });

  it('answers a body without method_name with a fault', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/api3/json`, { method: 'POST', body: '[1,2,3]' });
    expect(await response.json()).toMatchObject({ exception: true, error_code: 103 });
  });

  it('refuses read without credentials with 102', async () => {
    const site = await sites.start();
    const answer = await api3(site, 'read', undefined, { type: 'HumanUser' });
    expect(answer.body).toEqual(fault(102, 'Missing or invalid authentication arguments'));
  });
});
