/**
 * `gridpass session` as tools run it: the built CLI as a child process, the real keychain (a service
 * name of this run's own), a settings folder of its own, and the practice site. Session ids are planted,
 * so the run's secret sweep would find one that leaked anywhere it should not be.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountIdFor } from '../../../src/accounts/account-id';
import type { AccountRegistry } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import type { AccountScenario, PracticeAccountInfo, PracticeSite } from '../../../src/practice-site';
import type { Vault } from '../../../src/vault/vault';
import type { CliSandbox } from '../../fixtures/cli-process';
import { keychainCliWithPracticeSite } from '../../fixtures/keychain-cli-suite';
import { api3, practiceAccount } from '../../fixtures/practice-site';

let sandbox: CliSandbox;
let site: PracticeSite;
let vault: Vault;
let registry: AccountRegistry;

keychainCliWithPracticeSite('session', (suite) => ({ sandbox, vault, registry, site } = suite), { site: { sessionIdPrefix: 'planted-session-' } });

const account = (scenario: AccountScenario): PracticeAccountInfo => practiceAccount(site, scenario);

const host = () => new URL(site.url).host;

/** A login saved as the app saves it, with the passphrase given (and no session yet). */
async function save(who: PracticeAccountInfo, passphrase = who.passphrase ?? 'never-set'): Promise<string> {
  const saved = await registry.saveVerifiedLogin({ site: site.url, login: who.login, displayName: null, loginMethod: 'oxygen', passphrase });
  if (!saved.ok) throw new Error(`could not save ${who.login}: ${saved.failure.kind}`);
  return saved.value.account.id;
}

const passwordRequests = (login: string) =>
  site.log.entries().filter((entry) => entry.authKind === 'password' && entry.principal?.toLowerCase() === login.toLowerCase()).length;

async function keptSession(login: string): Promise<string | null> {
  const read = await vault.read({ kind: 'session', host: host(), login });
  return read.ok ? read.value : null;
}

async function worksOnTheSite(token: string): Promise<boolean> {
  const read = await api3(site, 'read', { session_token: token, reject_if_expired: true }, { type: 'HumanUser', filters: { logical_operator: 'and', conditions: [] } });
  return read.body['exception'] !== true;
}

interface SessionJson {
  schema: string;
  ok: boolean;
  site: string;
  login: string | null;
  token?: string;
  lastConfirmed?: string | null;
  renewed?: boolean;
  finding?: { code: string; title: string };
}

describe('gridpass session', () => {
  it('prints the kept session token after a save, without sending the passphrase', async () => {
    const works = account('works');
    const id = await save(works);
    // What the app keeps after a save: the session the passphrase was swapped for.
    const token = ((await api3(site, 'get_session_token', { user_login: works.login, user_password: works.passphrase })).body['results'] as { session_id: string }).session_id;
    await registry.saveSession(id, token, new Date('2026-03-02T09:00:00Z'));
    site.log.clear();

    const run = await sandbox.run(['session', '--site', site.url]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`${token}\n`);
    expect(passwordRequests(works.login)).toBe(0);
    // One request: the session itself, no probe before it.
    expect(site.log.entries().map((entry) => [entry.call, entry.authKind])).toEqual([['read', 'session']]);
    expect(Date.parse(registry.get(id)?.sessionConfirmedAt ?? '')).toBeGreaterThan(Date.parse('2026-03-02T09:00:00Z'));
  });

  it('after gridpass login, hands out the session the save kept: one password request in all', async () => {
    const works = account('works');
    const login = await sandbox.run(['login', '--site', site.url, '--login', works.login, '--passphrase-stdin'], { stdin: `${works.passphrase}\n` });
    expect(login.code).toBe(0);
    expect(passwordRequests(works.login)).toBe(1);
    const kept = await keptSession(works.login);
    expect(kept).toMatch(/^planted-session-/);
    const run = await sandbox.run(['session', '--site', site.url]);
    expect(run.stdout).toBe(`${kept}\n`);
    expect(passwordRequests(works.login)).toBe(1);
  });

  it('after gridpass login with a 2FA code, hands out the session the code was swapped for', async () => {
    const twoFactor = account('two-factor');
    const code = twoFactor.twoFactor?.codes[2] ?? '';
    const login = await sandbox.run(['login', '--site', site.url, '--login', twoFactor.login, '--passphrase-stdin', '--2fa-stdin'], { stdin: `${twoFactor.passphrase}\n${code}\n` });
    expect(login.code).toBe(0);
    const run = await sandbox.run(['session', '--site', site.url, '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, login: twoFactor.login, renewed: false, token: await keptSession(twoFactor.login) });
    // The code was sent once, with the passphrase; nothing since asked for the passphrase again.
    expect(passwordRequests(twoFactor.login)).toBe(1);
  });

  it('gives site, login, token and when it was last confirmed with --json', async () => {
    const works = account('works');
    await save(works);
    const run = await sandbox.run(['session', '--site', site.url, '--login', works.login.toUpperCase(), '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as SessionJson;
    expect(document).toMatchObject({ schema: 'gridpass.session/1', ok: true, site: site.url, login: works.login, renewed: true });
    expect(document.token).toMatch(/^planted-session-[0-9a-f]{32}$/);
    expect(Number.isNaN(Date.parse(document.lastConfirmed ?? ''))).toBe(false);
    expect(await keptSession(works.login)).toBe(document.token);
    expect(run.stdout).not.toContain(works.passphrase ?? 'unreachable');
  });

  it('hands the same session to many jobs at once, and writes its confirmation once a minute, not once a job', async () => {
    const works = account('works');
    await save(works);
    const first = JSON.parse((await sandbox.run(['session', '--site', site.url, '--json'])).stdout) as SessionJson;
    const settingsFile = path.join(sandbox.home, 'config.json');
    const written = await stat(settingsFile);
    site.log.clear();

    const jobs = await Promise.all(Array.from({ length: 6 }, () => sandbox.run(['session', '--site', site.url])));
    expect(jobs.map((job) => job.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(new Set(jobs.map((job) => job.stdout))).toEqual(new Set([`${first.token}\n`]));
    expect(passwordRequests(works.login)).toBe(0);
    // Confirmed less than a minute ago: no job rewrote the settings file.
    expect((await stat(settingsFile)).mtimeMs).toBe(written.mtimeMs);
  });

  it('renews an expired session once with the keychain passphrase, and keeps the new one', async () => {
    const works = account('works');
    await save(works);
    const first = (JSON.parse((await sandbox.run(['session', '--site', site.url, '--json'])).stdout) as SessionJson).token ?? '';
    site.expireSessions(works.login);
    site.log.clear();

    const run = await sandbox.run(['session', '--site', site.url, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const renewed = JSON.parse(run.stdout) as SessionJson;
    expect(renewed).toMatchObject({ ok: true, renewed: true });
    expect(renewed.token).not.toBe(first);
    expect(passwordRequests(works.login)).toBe(1);
    expect(await worksOnTheSite(renewed.token ?? '')).toBe(true);
    expect(await keptSession(works.login)).toBe(renewed.token);

    site.log.clear();
    expect((await sandbox.run(['session', '--site', site.url])).stdout).toBe(`${renewed.token}\n`);
    expect(passwordRequests(works.login)).toBe(0);
  });

  it('does not renew a paused login: exit 1 with the finding, nothing on stdout, zero password requests', async () => {
    const works = account('works');
    const id = await save(works);
    await sandbox.run(['session', '--site', site.url]);
    // The app was refused this passphrase since (the person changed it on the site): the login is paused.
    const refused = decideAfter({ kind: 'failed', failure: { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user" } });
    registry.recordAttempt(site.url, works.login, { decision: refused, check: null });
    expect(registry.get(id)?.checksPaused).toBe(true);
    site.expireSessions(works.login);
    site.log.clear();

    const run = await sandbox.run(['session', '--site', site.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[GP-SESSION-PAUSED]');
    expect(run.stderr).toContain('Open Gridpass to fix this login');
    expect(passwordRequests(works.login)).toBe(0);
    // The dead session is not left for tools that read the keychain directly.
    expect(await keptSession(works.login)).toBeNull();
    const json = JSON.parse((await sandbox.run(['session', '--site', site.url, '--json'])).stdout) as SessionJson;
    expect(json).toMatchObject({ ok: false, login: works.login, finding: { code: 'GP-SESSION-PAUSED' } });
    expect(passwordRequests(works.login)).toBe(0);
  });

  it('counts a refused renewal towards the lockout and pauses the login, so the next call sends nothing', async () => {
    const noPat = account('no-pat');
    const id = await save(noPat);
    const refused = await sandbox.run(['session', '--site', site.url, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, finding: { code: 'GP-AUTH-NO-PAT' } });
    expect(registry.get(id)).toMatchObject({ failedLogins: 1, checksPaused: true });
    expect(passwordRequests(noPat.login)).toBe(1);

    const again = await sandbox.run(['session', '--site', site.url, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, finding: { code: 'GP-SESSION-PAUSED' } });
    expect(passwordRequests(noPat.login)).toBe(1);
  });

  it('says when no login is saved for the site', async () => {
    const run = await sandbox.run(['session', '--site', site.url, '--login', 'nobody@studio.example']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[GP-SESSION-NO-LOGIN]');
    expect(site.log.entries()).toEqual([]);
  });

  it('reports the site being down without sending the passphrase', async () => {
    const works = account('works');
    await save(works);
    await sandbox.run(['session', '--site', site.url]);
    site.setFaults({ maintenance: true });
    site.log.clear();
    const run = await sandbox.run(['session', '--site', site.url, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, finding: { code: 'GP-SITE-MAINTENANCE' } });
    expect(passwordRequests(works.login)).toBe(0);
  });

  it('reports a keychain it cannot reach, without contacting the site', async () => {
    const works = account('works');
    await save(works);
    const run = await sandbox.run(['session', '--site', site.url], { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gridpass-bus' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[GP-KEYCHAIN-(UNAVAILABLE|LOCKED)\]/);
    expect(site.log.entries()).toEqual([]);
  });

  it('takes no passphrase, and asks which login when a site has several', async () => {
    const works = account('works');
    await save(works);
    await save(account('admin'));
    const stdin = await sandbox.run(['session', '--site', site.url, '--passphrase-stdin'], { stdin: `${works.passphrase}\n` });
    expect(stdin.code).toBe(2);
    const several = await sandbox.run(['session', '--site', site.url]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('say which with --login');
    expect(site.log.entries()).toEqual([]);
    expect(registry.get(accountIdFor(host(), works.login))?.sessionConfirmedAt).toBeNull();
  });
});
