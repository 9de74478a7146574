import { describe, expect, it } from 'vitest';
import { PRACTICE_TWO_FACTOR } from '../../../src/practice-site/practice-seed';
import type { DiagnoseStatus, VerifyResponse } from '../../../src/ipc/contract';
import type { GridpassService } from '../../../src/services/gridpass-service';
import { api3 } from '../../fixtures/practice-site';
import type { RealService } from '../../fixtures/real-service';
import { realServicePerTest } from '../../fixtures/real-service-per-test';
import { practiceAccount } from '../../fixtures/practice-site';

const start = realServicePerTest();

async function finishedDiagnosis(service: RealService['service'], runId: string): Promise<DiagnoseStatus> {
  for (let i = 0; i < 400; i += 1) {
    const status = await service.diagnoseStatus({ runId });
    if (status.done) return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the diagnosis did not finish');
}

function verified(response: VerifyResponse): Extract<VerifyResponse, { ok: true }> {
  if (!response.ok) throw new Error(`expected a verified login, got ${response.finding.code}`);
  return response;
}

describe('the application service against the practice site and the real keychain', () => {
  it('probes an Identity site and says how its people log in', async () => {
    const { service, site } = await start();
    const probed = await service.probeSite({ address: `  ${site.url}/page/123  ` });
    expect(probed).toMatchObject({
      ok: true,
      site: { url: site.url, host: new URL(site.url).host, loginMethod: 'oxygen', loginMethodLabel: 'Autodesk Identity', isPracticeSite: true },
    });
  });

  it('verifies, saves to the keychain, and lists the login without ever returning the passphrase', async () => {
    const { service, site, vault, settings } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    expect(response.user).toMatchObject({ login: maya.login, status: 'act' });
    expect(JSON.stringify(response)).not.toContain(maya.passphrase);

    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 4 });
    expect(saved).toMatchObject({ ok: true, account: { login: maya.login, health: 'ok', lastCheckReason: 'setup' } });
    const refs = await vault.list();
    expect(refs.ok && refs.value.map((ref) => ref.kind)).toEqual(['passphrase', 'session']);
    expect(JSON.stringify(settings.read())).not.toContain(maya.passphrase);
    expect((await service.getAppState({})).settings.checkIntervalHours).toBe(4);

    const accounts = await service.listAccounts({});
    expect(accounts).toHaveLength(1);
    expect(JSON.stringify(accounts)).not.toContain(maya.passphrase);
    expect(await service.checkAccount({ accountId: accounts[0]!.id })).toMatchObject({ health: 'ok', lastCheckReason: 'manual' });
  });

  it('takes two round trips for a plain login, probe included', async () => {
    const { service, site } = await start();
    const maya = practiceAccount(site, 'works');
    site.log.clear();
    verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    expect(site.log.entries().map((entry) => entry.call)).toEqual(['info', 'read']);
  });

  it('keeps a session for the saved login in the keychain, swapped for the passphrase once with get_session_token', async () => {
    // Planted sessions: the run's secret sweep finds any that leaks into output or test results.
    const { service, site, vault, settings } = await start({ practice: { sessionIdPrefix: 'planted-session-' } });
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    site.log.clear();
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    expect(saved.ok).toBe(true);
    expect(site.log.entries().map((entry) => [entry.call, entry.authKind])).toEqual([['get_session_token', 'password'], ['read', 'session']]);

    const session = await vault.read({ kind: 'session', host: new URL(site.url).host, login: maya.login });
    const token = session.ok ? session.value : null;
    expect(token).toMatch(/^planted-session-[0-9a-f]{32}$/);
    const read = await api3(site, 'read', { session_token: token, reject_if_expired: true }, { type: 'HumanUser', return_fields: ['login'], filters: { logical_operator: 'and', conditions: [] } });
    expect(read.body).not.toHaveProperty('exception');
    const account = settings.read().accounts[0];
    expect(account?.sessionConfirmedAt).toEqual(expect.any(String));
    expect(JSON.stringify(settings.read())).not.toContain(token);
    expect(JSON.stringify(await service.listAccounts({}))).not.toContain(token);
  });

  it('keeps the session a 2FA code was swapped for, without sending the passphrase again at save', async () => {
    const { service, site, vault } = await start();
    const lucas = practiceAccount(site, 'two-factor');
    const first = await service.verifyLogin({ site: site.url, login: lucas.login, passphrase: lucas.passphrase! });
    if (first.ok || first.reason !== 'two-factor-required') throw new Error('expected a 2FA question');
    site.log.clear();
    const ok = verified(await service.submitTwoFactorCode({ attemptId: first.attemptId, code: PRACTICE_TWO_FACTOR.codes[1]! }));
    const saved = await service.saveLogin({ verificationId: ok.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    expect(saved.ok).toBe(true);
    // One password request in all, with the code: the code works once, and its session is the one kept.
    expect(site.log.entries().filter((entry) => entry.authKind === 'password').map((entry) => entry.call)).toEqual(['get_session_token']);
    const session = await vault.read({ kind: 'session', host: new URL(site.url).host, login: lucas.login });
    const token = session.ok ? session.value : null;
    const read = await api3(site, 'read', { session_token: token, reject_if_expired: true }, { type: 'HumanUser', return_fields: ['login'], filters: { logical_operator: 'and', conditions: [] } });
    expect(read.body).not.toHaveProperty('exception');
  });

  it('asks for a 2FA code, keeps the passphrase in main, and verifies with the code', async () => {
    const { service, site } = await start();
    const lucas = practiceAccount(site, 'two-factor');
    const first = await service.verifyLogin({ site: site.url, login: lucas.login, passphrase: lucas.passphrase! });
    expect(first).toMatchObject({ ok: false, reason: 'two-factor-required', codeRefused: false, finding: { code: 'GP-AUTH-2FA-REQUIRED' } });
    if (first.ok || first.reason !== 'two-factor-required') throw new Error('unreachable');

    const wrong = await service.submitTwoFactorCode({ attemptId: first.attemptId, code: '000000' });
    expect(wrong).toMatchObject({ ok: false, reason: 'two-factor-required', codeRefused: true, failedLogins: 1, finding: { code: 'GP-AUTH-2FA-REJECTED' } });
    expect(wrong.ok === false && wrong.reason === 'two-factor-required' && wrong.lockoutWarning).toMatch(/9 left/);
    if (wrong.ok || wrong.reason !== 'two-factor-required') throw new Error('unreachable');

    const code = PRACTICE_TWO_FACTOR.codes[0]!;
    const ok = verified(await service.submitTwoFactorCode({ attemptId: wrong.attemptId, code: ` ${code.slice(0, 3)} ${code.slice(3)} ` }));
    expect(ok.user.login).toBe(lucas.login);
    // The attempt is single-use: replaying its id cannot log in again.
    expect(await service.submitTwoFactorCode({ attemptId: wrong.attemptId, code })).toMatchObject({ ok: false, finding: { code: 'GP-WIZARD-EXPIRED' } });
  });

  it('takes a blank 2FA code as a field error: the passphrase is not sent again, and the same attempt still works', async () => {
    const { service, site } = await start();
    const lucas = practiceAccount(site, 'two-factor');
    const first = await service.verifyLogin({ site: site.url, login: lucas.login, passphrase: lucas.passphrase! });
    if (first.ok || first.reason !== 'two-factor-required') throw new Error('expected a 2FA question');
    const sentBefore = site.log.credentialedCount(lucas.login);

    const blank = await service.submitTwoFactorCode({ attemptId: first.attemptId, code: ' \t ' });
    expect(blank).toMatchObject({ ok: false, reason: 'two-factor-required', codeRefused: false, codeProblem: expect.stringContaining('Enter the code'), failedLogins: 0 });
    expect(site.log.credentialedCount(lucas.login)).toBe(sentBefore);
    if (blank.ok || blank.reason !== 'two-factor-required') throw new Error('unreachable');
    verified(await service.submitTwoFactorCode({ attemptId: blank.attemptId, code: PRACTICE_TWO_FACTOR.codes[2]! }));
  });

  it('explains a refusal on an Identity site as passphrase or PAT, counts it, and never retries by itself', async () => {
    const { service, site } = await start();
    const jonas = practiceAccount(site, 'no-pat');
    site.log.clear();
    const refused = await service.verifyLogin({ site: site.url, login: jonas.login, passphrase: jonas.passphrase! });
    expect(refused).toMatchObject({ ok: false, reason: 'failed', failedLogins: 1, finding: { code: 'GP-AUTH-NO-PAT' } });
    if (refused.ok || refused.reason !== 'failed') throw new Error('unreachable');
    expect(refused.lockoutWarning).toMatch(/10 refused logins in a row \(9 left\)/);
    expect(site.log.credentialedCount(jonas.login)).toBe(1);
  });

  it('refuses a login with the passphrase pasted into it, without sending or filing it', async () => {
    const { service, site, settings } = await start();
    const maya = practiceAccount(site, 'works');
    site.log.clear();
    const response = await service.verifyLogin({ site: site.url, login: `${maya.login} ${maya.passphrase}`, passphrase: 'x' });
    expect(response).toMatchObject({ ok: false, finding: { code: 'GP-INPUT-LOGIN' } });
    expect(JSON.stringify(response)).not.toContain(maya.passphrase);
    expect(JSON.stringify(settings.read())).not.toContain(maya.passphrase);
    expect(site.log.entries()).toHaveLength(0);
  });

  it('refuses a blank passphrase before anything reaches the site', async () => {
    const { service, site } = await start();
    site.log.clear();
    const response = await service.verifyLogin({ site: site.url, login: '   ', passphrase: 'x' });
    expect(response).toMatchObject({ ok: false, finding: { code: 'GP-INPUT-LOGIN' } });
    expect(site.log.entries()).toHaveLength(0);
  });

  it('stops scheduled checks after one refusal until the person checks by hand', async () => {
    const { service, site, vault } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);

    site.setFaults({});
    // The site now refuses: simulate the person's PAT being deleted by locking nothing but changing the answer.
    const passphraseRef = { kind: 'passphrase' as const, host: saved.account.host, login: maya.login };
    await vault.save(passphraseRef, 'no-longer-right');
    // Overnight the kept session expired too, so the check has to renew it with the passphrase.
    site.expireSessions(maya.login);
    const failed = await service.runScheduledCheck(saved.account.id, 'schedule');
    expect(failed).toMatchObject({ health: 'failing', checksPaused: true, failedLogins: 1, lastFinding: { code: 'GP-AUTH-NO-PAT' } });

    site.log.clear();
    const skipped = await service.runScheduledCheck(saved.account.id, 'schedule');
    expect(skipped.checksPaused).toBe(true);
    expect(site.log.credentialedCount()).toBe(0);

    await vault.save(passphraseRef, maya.passphrase!);
    expect(await service.checkAccount({ accountId: saved.account.id })).toMatchObject({ health: 'ok', checksPaused: false, failedLogins: 0 });
  });

  it('checks on the schedule with the kept session first, and sends the passphrase only when it has expired', async () => {
    const { service, site, vault } = await start({ practice: { sessionIdPrefix: 'planted-' } });
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);
    const sessionRef = { kind: 'session' as const, host: saved.account.host, login: maya.login };
    const first = await vault.read(sessionRef);
    const passwords = () => site.log.entries().filter((entry) => entry.authKind === 'password').length;
    site.log.clear();

    expect(await service.runScheduledCheck(saved.account.id, 'schedule')).toMatchObject({ health: 'ok', failedLogins: 0 });
    expect(site.log.entries().map((entry) => [entry.call, entry.authKind])).toEqual([['read', 'session']]);

    site.expireSessions(maya.login);
    site.log.clear();
    expect(await service.runScheduledCheck(saved.account.id, 'network')).toMatchObject({ health: 'ok', failedLogins: 0 });
    // One refused session, then exactly one swap of the passphrase for a new session, which is kept;
    // the site was asked what it is once, before the passphrase went out.
    expect(site.log.entries().map((entry) => [entry.call, entry.authKind])).toEqual([
      ['read', 'session'], ['info', 'none'], ['get_session_token', 'password'], ['read', 'session'],
    ]);
    const renewed = await vault.read(sessionRef);
    expect(renewed.ok && renewed.value).toMatch(/^planted-[0-9a-f]{32}$/);
    expect(renewed).not.toEqual(first);
    expect(passwords()).toBe(1);
  });

  it('never counts a refused session as a refused login, and never renews a paused one', async () => {
    const { service, site, vault } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);
    const { host } = saved.account;
    // A session the site never issued, and a passphrase changed on the site since.
    await vault.save({ kind: 'session', host, login: maya.login }, '0123456789abcdef0123456789abcdef');
    await vault.save({ kind: 'passphrase', host, login: maya.login }, 'no-longer-right');

    const refused = await service.runScheduledCheck(saved.account.id, 'schedule');
    expect(refused).toMatchObject({ health: 'failing', checksPaused: true, failedLogins: 1, lastFinding: { code: 'GP-AUTH-NO-PAT' } });
    expect(site.account(maya.login)?.consecutiveFailures).toBe(1);
    // The dead session is gone, so no tool reading the keychain picks it up.
    expect(await vault.read({ kind: 'session', host, login: maya.login })).toEqual({ ok: true, value: null });

    site.log.clear();
    expect(await service.runScheduledCheck(saved.account.id, 'resume')).toMatchObject({ checksPaused: true, failedLogins: 1 });
    expect(site.log.credentialedCount()).toBe(0);
  });

  it('replaces a saved passphrase only with one the site accepted for that same login, keeping the token', async () => {
    const { service, site, vault } = await start();
    const maya = practiceAccount(site, 'works');
    const lucas = practiceAccount(site, 'two-factor');
    const first = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    await service.holdPat({ site: site.url, pat: 'gpPRACTICEpatKept0042' });
    const saved = await service.saveLogin({ verificationId: first.verificationId, keepPat: true, launchAtLogin: false, checkIntervalHours: 4 });
    if (!saved.ok) throw new Error('could not save');
    const entry = { kind: 'passphrase' as const, host: saved.account.host, login: maya.login };
    await vault.save(entry, 'copper-lantern-41');

    const refused = await service.verifyLogin({ site: site.url, login: maya.login, passphrase: 'still-wrong' });
    expect(refused).toMatchObject({ ok: false, reason: 'failed', failedLogins: 1 });
    expect(await vault.read(entry)).toEqual({ ok: true, value: 'copper-lantern-41' });

    const other = await service.verifyLogin({ site: site.url, login: lucas.login, passphrase: lucas.passphrase! });
    if (other.ok || other.reason !== 'two-factor-required') throw new Error('expected a code request');
    const otherVerified = verified(await service.submitTwoFactorCode({ attemptId: other.attemptId, code: PRACTICE_TWO_FACTOR.codes[2]! }));
    expect(await service.replacePassphrase({ verificationId: otherVerified.verificationId, accountId: saved.account.id })).toMatchObject({ ok: false, finding: { code: 'GP-WIZARD-EXPIRED' } });
    expect(await vault.read(entry)).toEqual({ ok: true, value: 'copper-lantern-41' });

    const right = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    expect(await service.replacePassphrase({ verificationId: right.verificationId, accountId: saved.account.id })).toMatchObject({
      ok: true, account: { health: 'ok', failedLogins: 0, checksPaused: false, hasSavedPat: true },
    });
    expect(await vault.read(entry)).toEqual({ ok: true, value: maya.passphrase });
    expect(await vault.read({ ...entry, kind: 'pat' })).toEqual({ ok: true, value: 'gpPRACTICEpatKept0042' });
  });

  it('keeps checking, without counting a refusal, when the site is down for maintenance', async () => {
    const { service, site } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);

    site.setFaults({ maintenance: true });
    const checked = await service.runScheduledCheck(saved.account.id, 'schedule');
    expect(checked).toMatchObject({ health: 'attention', checksPaused: false, failedLogins: 0, lastFinding: { code: 'GP-SITE-MAINTENANCE' } });

    site.setFaults({});
    expect(await service.runScheduledCheck(saved.account.id, 'network')).toMatchObject({ health: 'ok', lastCheckReason: 'network' });
  });

  it('holds a pasted PAT in main, copies it with auto-clear, and refuses a URL pasted as a token', async () => {
    const { service, site, clipboard } = await start();
    expect(service.holdPat({ site: site.url, pat: 'https://profile.autodesk.com/security' })).resolves.toMatchObject({ ok: false });
    const pat = 'gpPAT0123456789abcdefXYZ';
    expect(await service.holdPat({ site: site.url, pat: `\n ${pat} \n` })).toEqual({ ok: true, length: pat.length });
    expect(await service.copyPat({ site: site.url })).toMatchObject({ ok: true, clearsAfterSeconds: 60 });
    expect(clipboard.text).toBe(pat);
  });

  it('diagnoses a saved login and produces a redacted report', async () => {
    const { service, site, clipboard } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);

    const { runId } = await service.startDiagnose({ target: { kind: 'account', accountId: saved.account.id } });
    const status = await finishedDiagnosis(service, runId);
    expect(status.checks.find((check) => check.id === 'credentials')?.status).toBe('pass');
    expect(status.verdict).toMatchObject({ ok: true });
    const { text } = await service.diagnoseReport({ runId, format: 'markdown' });
    expect(text).toContain(maya.login);
    expect(text).not.toContain(maya.passphrase);
    expect(await service.copyDiagnoseReport({ runId })).toEqual({ ok: true });
    expect(clipboard.text).toBe(text);
  });

  it('marks a saved login failing and paused when a diagnosis is refused', async () => {
    const { service, site, vault } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);
    await vault.save({ kind: 'passphrase', host: saved.account.host, login: maya.login }, 'an-outdated-passphrase');

    const { runId } = await service.startDiagnose({ target: { kind: 'account', accountId: saved.account.id } });
    await finishedDiagnosis(service, runId);
    const [account] = await service.listAccounts({});
    expect(account).toMatchObject({ health: 'failing', checksPaused: true, failedLogins: 1, lastFinding: { code: 'GP-AUTH-NO-PAT' } });
  });

  it('makes an unusable typed address the verdict of a diagnosis, not a silent "no site checked"', async () => {
    const { service } = await start();
    const { runId } = await service.startDiagnose({ target: { kind: 'site', site: 'javascript:alert(1)' } });
    const status = await finishedDiagnosis(service, runId);
    expect(status.verdict).toMatchObject({ ok: false, finding: { code: 'GP-INPUT-SITE' } });
    expect(status.verdict?.finding?.explanation).toMatch(/javascript/i);
  });

  it('offers a token kept for one site when another site is set up, since one token may bind on several', async () => {
    const { service, site, clipboard } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    await service.holdPat({ site: site.url, pat: 'gpKEPT0123456789abcdefXYZ' });
    await service.saveLogin({ verificationId: response.verificationId, keepPat: true, launchAtLogin: false, checkIntervalHours: 6 });

    expect((await service.getAppState({})).keptPat).toBe(true);
    expect(await service.copyPat({ site: 'https://newstudio.shotgrid.autodesk.com' })).toMatchObject({ ok: true });
    expect(clipboard.text).toBe('gpKEPT0123456789abcdefXYZ');
  });

  it('wipes every login and keychain entry at the end of a booking', async () => {
    const { service, site, vault } = await start();
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    await service.holdPat({ site: site.url, pat: 'gpPAT0123456789abcdefXYZ' });
    await service.saveLogin({ verificationId: response.verificationId, keepPat: true, launchAtLogin: false, checkIntervalHours: 6 });
    expect((await vault.list()).ok && (await vault.list())).toMatchObject({ value: [{ kind: 'passphrase' }, { kind: 'pat' }, { kind: 'session' }] });

    const { runId } = await service.startDiagnose({ target: { kind: 'site', site: site.url, login: maya.login, passphrase: maya.passphrase! } });
    await finishedDiagnosis(service, runId);
    expect(service.latestReport()).toContain(maya.login);

    const ended = await service.endOfBooking({});
    expect(ended).toMatchObject({ forgottenAccounts: 1, forgottenSecrets: 3, revokePatUrl: 'https://profile.autodesk.com/security' });
    // The next person at this machine finds no report naming the last one, and main holds no passphrase from it.
    expect(service.latestReport()).toBeNull();
    expect(await service.diagnoseStatus({ runId })).toMatchObject({ done: true, checks: [] });
    expect(await service.listAccounts({})).toEqual([]);
    expect(await vault.list()).toEqual({ ok: true, value: [] });
  });
});

describe('the application service when the person acts while a call is in flight', () => {
  async function savedLogin(service: GridpassService, site: RealService['site'], keepPat = false) {
    const maya = practiceAccount(site, 'works');
    const response = verified(await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! }));
    const saved = await service.saveLogin({ verificationId: response.verificationId, keepPat, launchAtLogin: false, checkIntervalHours: 6 });
    if (!saved.ok) throw new Error(saved.finding.title);
    return { maya, account: saved.account };
  }

  it('sends one login, not two, when two checks of the same saved login overlap', async () => {
    const { service, site, vault } = await start();
    const { account } = await savedLogin(service, site);
    await vault.save({ kind: 'passphrase', host: account.host, login: account.login }, 'no-longer-right');
    site.expireSessions(account.login);
    site.log.clear();
    site.setFaults({ latencyMs: 150 });

    const [scheduled, online] = await Promise.all([
      service.runScheduledCheck(account.id, 'schedule'),
      service.runScheduledCheck(account.id, 'network'),
    ]);
    expect(site.log.entries().filter((entry) => entry.authKind === 'password')).toHaveLength(1);
    expect(scheduled).toMatchObject({ health: 'failing', checksPaused: true, failedLogins: 1 });
    expect(online).toEqual(scheduled);
  });

  it('does not bring a login back into the settings file when it is forgotten while its check is refused', async () => {
    const { service, site, vault, settings } = await start();
    const { account } = await savedLogin(service, site);
    await vault.save({ kind: 'passphrase', host: account.host, login: account.login }, 'no-longer-right');
    site.setFaults({ latencyMs: 150 });

    const checking = service.runScheduledCheck(account.id, 'schedule');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await service.forgetAccount({ accountId: account.id })).toEqual({ ok: true });
    await expect(checking).rejects.toThrow('no longer saved');
    expect(JSON.stringify(settings.read())).not.toContain(account.login);
  });

  it('finishes a diagnosis with its report when the login is forgotten while the diagnosis is refused', async () => {
    const { service, site, vault, settings } = await start();
    const { account } = await savedLogin(service, site);
    await vault.save({ kind: 'passphrase', host: account.host, login: account.login }, 'no-longer-right');
    site.setFaults({ latencyMs: 100 });

    const { runId } = await service.startDiagnose({ target: { kind: 'account', accountId: account.id } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await service.forgetAccount({ accountId: account.id })).toEqual({ ok: true });
    const status = await finishedDiagnosis(service, runId);
    expect(status.checks.find((check) => check.id === 'credentials')?.status).toBe('fail');
    expect(status.verdict).toMatchObject({ ok: false });
    expect(status.checks.map((check) => ('summary' in check ? check.summary : ''))).not.toContain('The diagnosis stopped unexpectedly');
    expect(JSON.stringify(settings.read())).not.toContain(account.login);
  });

  it('copies a kept PAT back from the keychain for a site that has a port', async () => {
    const { service, site, clipboard } = await start();
    const pat = 'gpPAT0123456789abcdefXYZ';
    await service.holdPat({ site: site.url, pat });
    await savedLogin(service, site, true);
    expect(new URL(site.url).port).not.toBe('');

    expect(await service.copyPat({ site: site.url })).toMatchObject({ ok: true });
    expect(clipboard.text).toBe(pat);
  });
});
