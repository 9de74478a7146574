import { describe, expect, it, vi } from 'vitest';
import { checkIds, type CheckId, type CheckResult } from '../../../src/diagnosis/check-result';
import { countsAsRefusal } from '../../../src/accounts/refusal-policy';
import { checkNames, diagnoseVerdict, runChecks, runDiagnosis, type DiagnoseTarget } from '../../../src/diagnosis/run-checks';
import { createFakeShotgridClient, failed, humanUser, siteInfo, succeeded } from '../../fixtures/fake-shotgrid-client';
import { environmentFacts, fixedNow, healthyDependencies } from '../../fixtures/diagnosis/check-dependencies';
import { identitySite, practiceSite } from '../../fixtures/diagnosis/sites';

const passphrase = 'pass-4f1d-never-shown';
const fullTarget: DiagnoseTarget = { site: identitySite, login: 'ana@studio.example', passphrase };

function byId(results: CheckResult[], id: CheckId): CheckResult {
  const result = results.find((r) => r.id === id);
  if (result === undefined) throw new Error(`no ${id} result`);
  return result;
}

function statuses(results: CheckResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.id, r.status]));
}

describe('runChecks', () => {
  it('runs every named check in order and passes a healthy login', async () => {
    const deps = healthyDependencies();
    const results = await runChecks(fullTarget, deps);
    expect(results.map((r) => r.id)).toEqual([...checkIds]);
    expect(results.every((r) => r.status === 'pass')).toBe(true);
    expect(results.map((r) => r.name)).toEqual(checkIds.map((id) => checkNames[id]));
    for (const r of results) expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(diagnoseVerdict(results)).toMatchObject({ ok: true, headline: 'The login works', finding: { code: 'GP-OK' } });
  });

  it('hands back what the site said about itself, or null when it never answered', async () => {
    const info = siteInfo({ loginMethod: 'ldap', rawLoginMethod: 'ldap' });
    const answered = await runDiagnosis({ site: identitySite }, healthyDependencies({ client: createFakeShotgridClient({ probe: succeeded(info) }) }));
    expect(answered.siteInfo).toEqual(info);
    expect(answered.results.map((r) => r.id)).toEqual([...checkIds]);
    const silent = await runDiagnosis({ site: identitySite }, healthyDependencies({ client: createFakeShotgridClient({ probe: failed({ kind: 'refused' }) }) }));
    expect(silent.siteInfo).toBeNull();
  });

  it('measures how long each check took', async () => {
    const deps = healthyDependencies({
      resolveHost: () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, addresses: ['203.0.113.10'] }), 40)),
    });
    const results = await runChecks(fullTarget, deps);
    expect(byId(results, 'dns').durationMs).toBeGreaterThanOrEqual(35);
  });

  it('reports progress before each check and once at the end', async () => {
    const progress: Array<{ done: CheckId[]; running: CheckId | null }> = [];
    await runChecks(fullTarget, healthyDependencies(), (done, running) => progress.push({ done: done.map((d) => d.id), running }));
    expect(progress.map((p) => p.running)).toEqual([...checkIds, null]);
    expect(progress.map((p) => p.done.length)).toEqual(checkIds.map((_, i) => i).concat(checkIds.length));
  });

  it('sends the login once, with the 2FA code, and keeps secrets out of the results', async () => {
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyLogin: succeeded(humanUser()) });
    const results = await runChecks({ ...fullTarget, twoFactorCode: '493817' }, healthyDependencies({ client }));
    const logins = client.calls.filter((c) => c.method === 'verifyLogin');
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ credentials: { login: 'ana@studio.example', passphrase, twoFactorCode: '493817' } });
    const text = JSON.stringify(results);
    expect(text).not.toContain(passphrase);
    expect(text).not.toContain('493817');
  });

  it('passes the step timeout to every network call', async () => {
    const connect = vi.fn(async () => ({ ok: true as const, ms: 3 }));
    const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyLogin: succeeded(humanUser()) });
    await runChecks(fullTarget, healthyDependencies({ connect, client, timeoutMs: 4_321 }));
    expect(connect).toHaveBeenCalledWith(identitySite.host, 443, 4_321);
    expect(client.calls.map((c) => c.options?.timeoutMs)).toEqual([4_321, 4_321]);
  });

  describe('without a site', () => {
    it('checks only this computer and says so', async () => {
      const results = await runChecks({ site: null }, healthyDependencies());
      expect(statuses(results)).toMatchObject({ environment: 'pass', keychain: 'pass', proxy: 'pass', dns: 'skipped', site: 'skipped', credentials: 'skipped' });
      expect(byId(results, 'dns').summary).toBe('no site address given');
      expect(byId(results, 'clock').summary).toBe('no site address given');
      expect(diagnoseVerdict(results)).toMatchObject({ ok: true, finding: null, headline: expect.stringContaining('no site was checked') });
    });
  });

  describe('when the path to the site breaks', () => {
    it('skips everything after a failed DNS lookup, naming why, and never contacts the site', async () => {
      const client = createFakeShotgridClient({});
      const results = await runChecks(fullTarget, healthyDependencies({
        client,
        resolveHost: async (host) => host === identitySite.host
          ? { ok: false, code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${host}` }
          : { ok: true, addresses: ['192.0.2.10'] },
      }));
      expect(byId(results, 'dns')).toMatchObject({ status: 'fail', finding: { code: 'GP-NET-DNS' } });
      expect(byId(results, 'dns').details).toContain('autodesk.com resolves, so name lookup works on this computer');
      for (const id of ['connection', 'tls', 'site', 'login-method', 'credentials', 'account', 'clock'] as const) {
        expect(byId(results, id)).toMatchObject({ status: 'skipped', summary: 'DNS lookup failed', durationMs: 0 });
      }
      expect(client.calls).toEqual([]);
      expect(diagnoseVerdict(results)).toMatchObject({ ok: false, finding: { code: 'GP-NET-DNS' } });
    });

    it.each([
      ['ECONNREFUSED', 'GP-NET-REFUSED'],
      ['ETIMEDOUT', 'GP-NET-TIMEOUT'],
      ['ECONNRESET', 'GP-NET-RESET'],
      ['ENETUNREACH', 'GP-NET-OFFLINE'],
      ['EWHATEVER', 'GP-NET-OTHER'],
    ])('reads a %s connection failure as %s and skips the rest', async (code, findingCode) => {
      const results = await runChecks(fullTarget, healthyDependencies({ connect: async () => ({ ok: false, code, message: code }) }));
      expect(byId(results, 'connection')).toMatchObject({ status: 'fail', finding: { code: findingCode } });
      expect(byId(results, 'tls')).toMatchObject({ status: 'skipped', summary: 'could not connect to the site' });
    });

    it.each([
      ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'GP-TLS-UNTRUSTED'],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'GP-TLS-UNTRUSTED'],
      ['CERT_HAS_EXPIRED', 'GP-TLS-EXPIRED'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'GP-TLS-WRONG-HOST'],
      ['EPROTO', 'GP-TLS-OTHER'],
    ])('reads a %s handshake failure as %s', async (code, findingCode) => {
      const results = await runChecks(fullTarget, healthyDependencies({ tlsHandshake: async () => ({ ok: false, code, message: code }) }));
      expect(byId(results, 'tls')).toMatchObject({ status: 'fail', finding: { code: findingCode } });
      expect(byId(results, 'site')).toMatchObject({ status: 'skipped', summary: 'TLS handshake failed' });
    });

    it('skips TLS for the plain-http practice site on loopback', async () => {
      const tlsHandshake = vi.fn();
      const connect = vi.fn(async () => ({ ok: true as const, ms: 1 }));
      const results = await runChecks({ ...fullTarget, site: practiceSite }, healthyDependencies({ tlsHandshake, connect }));
      expect(byId(results, 'tls')).toMatchObject({ status: 'skipped', summary: 'plain http on loopback (practice site)' });
      expect(tlsHandshake).not.toHaveBeenCalled();
      expect(connect).toHaveBeenCalledWith('127.0.0.1', 8765, expect.any(Number));
      expect(byId(results, 'site').status).toBe('pass');
    });

    it('turns a failed site probe into its finding and skips what needs the site', async () => {
      const client = createFakeShotgridClient({ probe: failed({ kind: 'html', status: 200, pageTitle: 'Guest Wi-Fi' }) });
      const results = await runChecks(fullTarget, healthyDependencies({ client }));
      expect(byId(results, 'site')).toMatchObject({ status: 'fail', finding: { code: 'GP-SITE-HTML' } });
      expect(byId(results, 'credentials')).toMatchObject({ status: 'skipped', summary: 'site check failed' });
      expect(client.calls.map((c) => c.method)).toEqual(['probe']);
    });
  });

  describe('the login', () => {
    it.each([
      [{ login: 'ana' }, 'no passphrase given'],
      [{ passphrase }, 'no login given'],
    ])('is skipped with %o, and so is the account', async (given, reason) => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo()) });
      const results = await runChecks({ site: identitySite, ...given }, healthyDependencies({ client }));
      expect(byId(results, 'credentials')).toMatchObject({ status: 'skipped', summary: reason });
      expect(byId(results, 'account')).toMatchObject({ status: 'skipped', summary: reason });
      expect(client.calls.map((c) => c.method)).toEqual(['probe']);
      expect(diagnoseVerdict(results, { loginMethod: 'oxygen', site: identitySite })).toMatchObject({
        ok: true,
        finding: { code: 'GP-SITE-REACHABLE', explanation: expect.stringContaining(identitySite.host) },
      });
    });

    it('on an Identity site, a refusal becomes GP-AUTH-NO-PAT counting this attempt', async () => {
      const client = createFakeShotgridClient({
        probe: succeeded(siteInfo({ loginMethod: 'oxygen' })),
        verifyLogin: failed({ kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'ana'." }),
      });
      const { results, loginAttempt } = await runDiagnosis({ ...fullTarget, failedLogins: 1 }, healthyDependencies({ client }));
      const credentials = byId(results, 'credentials');
      expect(credentials).toMatchObject({ status: 'fail', finding: { code: 'GP-AUTH-NO-PAT' } });
      expect(credentials.details).toContain("Site message: Can't authenticate user 'ana'.");
      expect(credentials.finding?.steps.map((s) => s.text).join(' ')).toContain('2 refused logins');
      expect(byId(results, 'account')).toMatchObject({ status: 'skipped', summary: 'the login was refused, so the account could not be read' });
      expect(client.calls.filter((c) => c.method === 'verifyLogin')).toHaveLength(1);
      expect(loginAttempt?.kind === 'failed' && countsAsRefusal(loginAttempt.failure)).toBe(true);
      expect(diagnoseVerdict(results)).toMatchObject({ ok: false, finding: { code: 'GP-AUTH-NO-PAT' } });
    });

    it('on a ShotGrid-login site, a refusal is a bad password', async () => {
      const client = createFakeShotgridClient({
        probe: succeeded(siteInfo({ loginMethod: 'default', rawLoginMethod: 'default' })),
        verifyLogin: failed({ kind: 'auth-rejected', code: 102, serverMessage: '' }),
      });
      const results = await runChecks(fullTarget, healthyDependencies({ client }));
      expect(byId(results, 'credentials').finding?.code).toBe('GP-AUTH-BAD-CREDENTIALS');
    });

    it('asks for a 2FA code without counting a refused login', async () => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyLogin: failed({ kind: 'two-factor-required', serverMessage: 'Missing argument for 2FA login' }) });
      const { results, loginAttempt } = await runDiagnosis(fullTarget, healthyDependencies({ client }));
      expect(byId(results, 'credentials')).toMatchObject({ status: 'fail', finding: { code: 'GP-AUTH-2FA-REQUIRED' } });
      expect(loginAttempt?.kind === 'failed' && countsAsRefusal(loginAttempt.failure)).toBe(false);
    });

    it('derives a locked account from the one login attempt', async () => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyLogin: failed({ kind: 'account-locked', serverMessage: 'locked' }) });
      const { results, loginAttempt } = await runDiagnosis({ ...fullTarget, failedLogins: 4 }, healthyDependencies({ client }));
      expect(byId(results, 'account')).toMatchObject({ status: 'fail', finding: { code: 'GP-ACCOUNT-LOCKED' } });
      // A refusal that names a lock counts towards the lockout like any other.
      expect(loginAttempt?.kind === 'failed' && countsAsRefusal(loginAttempt.failure)).toBe(true);
      expect(byId(results, 'account').details[0]).toContain('4 (ShotGrid locks after 10)');
      expect(client.calls.filter((c) => c.method === 'verifyLogin')).toHaveLength(1);
    });

    it('flags an accepted login whose account is not active', async () => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo()), verifyLogin: succeeded(humanUser({ status: 'dis' })) });
      const results = await runChecks(fullTarget, healthyDependencies({ client }));
      expect(byId(results, 'credentials').status).toBe('pass');
      expect(byId(results, 'account')).toMatchObject({ status: 'fail', finding: { code: 'GP-ACCOUNT-INACTIVE' } });
      expect(byId(results, 'account').finding?.explanation).toContain('"dis"');
    });
  });

  describe('the login method', () => {
    it('warns on an SSO site and makes that the verdict when nothing failed', async () => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ loginMethod: 'saml2', rawLoginMethod: 'saml2' })) });
      const results = await runChecks({ site: identitySite }, healthyDependencies({ client }));
      expect(byId(results, 'login-method')).toMatchObject({ status: 'warn', finding: { code: 'GP-AUTH-SSO-ONLY' } });
      expect(diagnoseVerdict(results)).toMatchObject({ ok: true, finding: { code: 'GP-AUTH-SSO-ONLY' } });
    });

    it('warns on a method it does not know, quoting it', async () => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ loginMethod: null, rawLoginMethod: 'okta' })) });
      const results = await runChecks({ site: identitySite }, healthyDependencies({ client }));
      expect(byId(results, 'login-method')).toMatchObject({ status: 'warn', summary: 'Unknown login method "okta"', finding: { code: 'GP-METHOD-UNKNOWN' } });
    });
  });

  describe('the clock', () => {
    it.each([
      [30, 'pass'],
      [-90, 'warn'],
      [600, 'fail'],
    ])('with the site %i s behind this computer: %s', async (seconds, status) => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ serverDate: new Date(fixedNow.getTime() - seconds * 1000) })) });
      const results = await runChecks({ site: identitySite }, healthyDependencies({ client }));
      expect(byId(results, 'clock').status).toBe(status);
      if (status !== 'pass') expect(byId(results, 'clock').finding?.code).toBe('GP-CLOCK-SKEW');
      if (seconds === -90) expect(byId(results, 'clock').summary).toBe("This computer's clock is 90 seconds behind the site");
    });

    it('is skipped when the site sends no time', async () => {
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ serverDate: null })) });
      const results = await runChecks({ site: identitySite }, healthyDependencies({ client }));
      expect(byId(results, 'clock')).toMatchObject({ status: 'skipped', summary: 'the site did not send its time' });
    });

    it('compares with the time the site answered, not the end of the run', async () => {
      let calls = 0;
      const now = () => new Date(fixedNow.getTime() + (calls++ === 0 ? 0 : 3_600_000));
      const client = createFakeShotgridClient({ probe: succeeded(siteInfo({ serverDate: fixedNow })), verifyLogin: succeeded(humanUser()) });
      const results = await runChecks(fullTarget, healthyDependencies({ client, now }));
      expect(byId(results, 'clock').status).toBe('pass');
    });
  });

  describe('the proxy', () => {
    it('shows the proxy without its credentials and goes through it', async () => {
      const connect = vi.fn(async () => ({ ok: true as const, ms: 5 }));
      const tlsHandshake = vi.fn();
      const environment = environmentFacts({ proxy: 'http://jo:pr0xy-secret@proxy.corp:3128', noProxy: 'localhost,.internal' });
      const results = await runChecks(fullTarget, healthyDependencies({ environment, connect, tlsHandshake }));
      const proxy = byId(results, 'proxy');
      expect(proxy.summary).toBe(`Connects to ${identitySite.host} through proxy http://proxy.corp:3128`);
      expect(JSON.stringify(results)).not.toContain('pr0xy-secret');
      expect(connect).toHaveBeenCalledWith('proxy.corp', 3128, expect.any(Number));
      expect(byId(results, 'tls').summary).toContain('through the proxy');
      expect(tlsHandshake).not.toHaveBeenCalled();
    });

    it('goes direct when the site is in NO_PROXY', async () => {
      const environment = environmentFacts({ proxy: 'proxy.corp:3128', noProxy: '.shotgrid.autodesk.com' });
      const results = await runChecks(fullTarget, healthyDependencies({ environment }));
      expect(byId(results, 'proxy').summary).toContain('is in NO_PROXY: connects directly');
      expect(byId(results, 'tls').status).toBe('pass');
    });

    it('never sends the loopback practice site through a proxy', async () => {
      const connect = vi.fn(async () => ({ ok: true as const, ms: 1 }));
      const environment = environmentFacts({ proxy: 'http://proxy.corp:8080' });
      const results = await runChecks({ site: practiceSite }, healthyDependencies({ environment, connect }));
      expect(byId(results, 'proxy').summary).toContain('is on this computer: connects directly');
      expect(connect).toHaveBeenCalledWith('127.0.0.1', 8765, expect.any(Number));
    });

    it('only warns when the name does not resolve locally but a proxy resolves it', async () => {
      const environment = environmentFacts({ proxy: 'http://proxy.corp:8080' });
      const results = await runChecks(fullTarget, healthyDependencies({ environment, resolveHost: async () => ({ ok: false, code: 'ENOTFOUND', message: 'not found' }) }));
      expect(byId(results, 'dns').status).toBe('warn');
      expect(byId(results, 'site').status).toBe('pass');
      expect(diagnoseVerdict(results)).toMatchObject({ ok: true, headline: 'The login works (1 warning: DNS lookup)' });
    });

    it('fails on an unreachable proxy with GP-NET-PROXY', async () => {
      const environment = environmentFacts({ proxy: 'http://proxy.corp:8080' });
      const results = await runChecks(fullTarget, healthyDependencies({ environment, connect: async () => ({ ok: false, code: 'ECONNREFUSED', message: 'refused' }) }));
      expect(byId(results, 'connection')).toMatchObject({ status: 'fail', finding: { code: 'GP-NET-PROXY' } });
      expect(byId(results, 'site').summary).toBe('could not connect to the proxy');
    });

    it('fails on a proxy setting it cannot read', async () => {
      const environment = environmentFacts({ proxy: 'jo:secret@proxy.corp:80a' });
      const results = await runChecks(fullTarget, healthyDependencies({ environment }));
      expect(byId(results, 'proxy')).toMatchObject({ status: 'fail', finding: { code: 'GP-NET-PROXY' } });
      expect(JSON.stringify(byId(results, 'proxy'))).not.toContain('secret');
    });
  });

  it('says this computer cannot look up any names, not that the address is wrong, when a well-known name fails too', async () => {
    const asked: string[] = [];
    const client = createFakeShotgridClient({});
    const results = await runChecks(fullTarget, healthyDependencies({
      client,
      resolveHost: async (host) => {
        asked.push(host);
        return { ok: false, code: 'EAI_AGAIN', message: `getaddrinfo EAI_AGAIN ${host}` };
      },
    }));
    expect(asked).toEqual([identitySite.host, 'autodesk.com']);
    expect(byId(results, 'dns')).toMatchObject({ status: 'fail', finding: { code: 'GP-NET-NO-DNS', title: 'This computer cannot look up any names' } });
    expect(byId(results, 'site')).toMatchObject({ status: 'skipped', summary: 'DNS lookup failed' });
    expect(client.calls).toEqual([]);
    expect(diagnoseVerdict(results)).toMatchObject({ ok: false, finding: { code: 'GP-NET-NO-DNS' } });
  });

  describe('the keychain', () => {
    it('is skipped where no keychain is used', async () => {
      const results = await runChecks(fullTarget, healthyDependencies({ keychainSelfTest: null }));
      expect(byId(results, 'keychain')).toMatchObject({ status: 'skipped', summary: 'keychain not used here' });
    });

    it.each([
      [undefined, 'GP-KEYCHAIN-UNAVAILABLE'],
      ['locked', 'GP-KEYCHAIN-LOCKED'],
      ['denied', 'GP-KEYCHAIN-DENIED'],
    ] as const)('with problem %s is %s: a failure when the run needs the keychain, else a warning', async (problem, code) => {
      const keychainSelfTest = async () => ({ ok: false as const, backend: 'Secret Service', message: 'no daemon', fix: 'Start the keyring.', problem });
      const needed = await runChecks({ ...fullTarget, needsKeychain: true }, healthyDependencies({ keychainSelfTest }));
      expect(byId(needed, 'keychain')).toMatchObject({ status: 'fail', finding: { code } });
      expect(byId(needed, 'credentials').status).toBe('pass');
      expect(diagnoseVerdict(needed)).toMatchObject({ ok: false, finding: { code } });

      const notNeeded = await runChecks(fullTarget, healthyDependencies({ keychainSelfTest }));
      expect(byId(notNeeded, 'keychain')).toMatchObject({ status: 'warn', finding: { code } });
      expect(diagnoseVerdict(notNeeded)).toMatchObject({ ok: true, finding: { code: 'GP-OK' } });
    });

    it('is outranked by a failure on the path to the site and the login, even when the run needs it', async () => {
      const keychainSelfTest = async () => ({ ok: false as const, backend: 'Secret Service', message: 'no D-Bus', fix: 'Start one.' });
      const client = createFakeShotgridClient({
        probe: succeeded(siteInfo({ loginMethod: 'oxygen' })),
        verifyLogin: failed({ kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'ana'." }),
      });
      const results = await runChecks({ ...fullTarget, needsKeychain: true }, healthyDependencies({ keychainSelfTest, client }));
      expect(byId(results, 'keychain').status).toBe('fail');
      expect(byId(results, 'credentials').status).toBe('fail');
      expect(diagnoseVerdict(results)).toMatchObject({ ok: false, finding: { code: 'GP-AUTH-NO-PAT' } });
    });
  });

  it('turns a dependency that throws into a failed check and skips what depended on it', async () => {
    const results = await runChecks(fullTarget, healthyDependencies({ resolveHost: () => Promise.reject(new Error('resolver exploded')) }));
    expect(byId(results, 'dns')).toMatchObject({ status: 'fail', finding: { code: 'GP-CHECK-ERROR' } });
    expect(byId(results, 'dns').details).toEqual(['Error: resolver exploded']);
    expect(byId(results, 'site')).toMatchObject({ status: 'skipped', summary: 'the DNS lookup check could not run' });
  });
});
