/**
 * `verify --saved` and `accounts` on the real keychain (a service name of this run's own) and a
 * settings folder of their own, against the practice site. Includes the lockout rule: after one
 * refused passphrase, nothing sends it again until someone asks.
 */
import { describe, expect, it } from 'vitest';
import type { AccountRegistry } from '../../../src/accounts/account-registry';
import { accountIdFor } from '../../../src/accounts/account-id';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import type { AccountScenario, PracticeAccountInfo, PracticeSite } from '../../../src/practice-site';
import type { Vault } from '../../../src/vault/vault';
import type { CliSandbox } from '../../fixtures/cli-process';
import { keychainCliWithPracticeSite } from '../../fixtures/keychain-cli-suite';
import { practiceAccount } from '../../fixtures/practice-site';
import { makeReadOnly } from '../../fixtures/read-only-folder';

let sandbox: CliSandbox;
let site: PracticeSite;
let vault: Vault;
let registry: AccountRegistry;

keychainCliWithPracticeSite('saved', (suite) => ({ sandbox, vault, registry, site } = suite));

const account = (scenario: AccountScenario): PracticeAccountInfo => practiceAccount(site, scenario);

/** Saves a login the way the app does after verifying it, with the passphrase given. */
async function save(who: PracticeAccountInfo, passphrase = who.passphrase ?? 'never-set'): Promise<string> {
  const saved = await registry.saveVerifiedLogin({ site: site.url, login: who.login, displayName: null, loginMethod: 'oxygen', passphrase });
  if (!saved.ok) throw new Error(`could not save ${who.login}: ${saved.failure.kind}`);
  return saved.value.account.id;
}

const host = () => new URL(site.url).host;

interface VerifyJson {
  ok: boolean;
  results: Array<{ login: string; ok: boolean; outcome: string; failedLogins: number; finding: { code: string } | null; user: { login: string } | null }>;
}

describe('gridpass verify --saved', () => {
  it('re-checks each saved login with its keychain passphrase and records the result', async () => {
    const works = account('works');
    const twoFactor = account('two-factor');
    const worksId = await save(works);
    const twoFactorId = await save(twoFactor);
    const run = await sandbox.run(['verify', '--saved', '--json']);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as VerifyJson;
    const byLogin = Object.fromEntries(document.results.map((result) => [result.login, result]));
    expect(byLogin[works.login]).toMatchObject({ ok: true, outcome: 'checked', user: { login: works.login }, finding: { code: 'GP-OK' } });
    expect(byLogin[twoFactor.login]).toMatchObject({ ok: false, outcome: 'checked', finding: { code: 'GP-AUTH-2FA-REQUIRED' } });
    expect(registry.get(worksId)).toMatchObject({ lastHealth: 'ok', lastCheckReason: 'manual' });
    // As the tray does: a saved login that needs a code cannot be checked unattended, so its checks wait for the person.
    expect(registry.get(twoFactorId)).toMatchObject({ lastHealth: 'failing', lastFindingCode: 'GP-AUTH-2FA-REQUIRED', failedLogins: 0, checksPaused: true });
  });

  it('after one refused passphrase sends it no more, until asked with --include-paused', async () => {
    const noPat = account('no-pat');
    const id = await save(noPat);

    const first = await sandbox.run(['verify', '--saved', '--json']);
    expect(first.code).toBe(1);
    expect((JSON.parse(first.stdout) as VerifyJson).results[0]).toMatchObject({ outcome: 'checked', failedLogins: 1, finding: { code: 'GP-AUTH-NO-PAT' } });
    expect(site.log.credentialedCount(noPat.login)).toBe(1);
    expect(registry.get(id)).toMatchObject({ failedLogins: 1, checksPaused: true, lastHealth: 'failing' });

    const again = await sandbox.run(['verify', '--saved']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('PAUSED');
    expect(again.stdout).toContain('[GP-AUTH-NO-PAT]');
    const doctor = await sandbox.run(['doctor', '--site', site.url, '--login', noPat.login, '--json']);
    expect(doctor.code).toBe(0);
    expect(site.log.credentialedCount(noPat.login)).toBe(1);

    const asked = await sandbox.run(['verify', '--saved', '--include-paused', '--json']);
    expect(asked.code).toBe(1);
    expect(site.log.credentialedCount(noPat.login)).toBe(2);
    expect((JSON.parse(asked.stdout) as VerifyJson).results[0]).toMatchObject({ failedLogins: 2 });
  });

  it('when the refusal cannot be saved, says so with a finding and exits 1, and the refused passphrase went once', async () => {
    const noPat = account('no-pat');
    await save(noPat);
    const readOnly = makeReadOnly(sandbox.home);
    try {
      const run = await sandbox.run(['verify', '--saved', '--json']);
      expect(run.code).toBe(1);
      const [result] = (JSON.parse(run.stdout) as { results: Array<VerifyJson['results'][number] & { notSaved?: { code: string } }> }).results;
      expect(result).toMatchObject({ outcome: 'checked', finding: { code: 'GP-AUTH-NO-PAT' }, notSaved: { code: 'GP-SETTINGS-UNWRITABLE' } });
      const shown = await sandbox.run(['verify', '--saved', '--include-paused']);
      expect(shown.code).toBe(1);
      expect(shown.stdout).toContain('[GP-SETTINGS-UNWRITABLE]');
    } finally {
      readOnly.restore();
    }
    // One run each; --include-paused is the person acting, so it may send once more.
    expect(site.log.credentialedCount(noPat.login)).toBe(2);
  });

  it('counts refused logins for a login that is not saved, and tells the person the tally', async () => {
    const noPat = account('no-pat');
    const args = ['verify', '--site', site.url, '--login', noPat.login, '--passphrase-stdin'];
    const first = await sandbox.run(args, { stdin: 'wrong-one\n' });
    expect(first.code).toBe(1);
    expect(site.log.credentialedCount(noPat.login)).toBe(1);
    const second = await sandbox.run(args, { stdin: 'wrong-two\n' });
    expect(second.stdout).toContain('Gridpass has had 2 refused logins for this account');
    expect(registry.failedLogins(site.url, noPat.login)).toBe(2);
    registry.recordAttempt(site.url, noPat.login, { decision: decideAfter({ kind: 'verified' }), check: null });
  });

  it('exits 1 when no saved login matches, so a mistyped --site is not taken for success', async () => {
    const run = await sandbox.run(['verify', '--saved', '--site', 'https://nowhere.example.com', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No saved logins for https://nowhere.example.com');
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, results: [] });
  });

  it('says so when the keychain holds no passphrase for a saved login, without contacting the site', async () => {
    const works = account('works');
    await save(works);
    await vault.remove({ kind: 'passphrase', host: host(), login: works.login });
    const run = await sandbox.run(['verify', '--saved', '--json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as VerifyJson).results[0]).toMatchObject({ outcome: 'no-secret', finding: { code: 'GP-SAVED-SECRET-MISSING' } });
    expect(site.log.credentialedCount()).toBe(0);
  });
});

describe('gridpass accounts', () => {
  it('lists saved logins with their last status and no secret', async () => {
    const works = account('works');
    await save(works);
    const run = await sandbox.run(['accounts', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'gridpass.accounts/1', accounts: [{ login: works.login, site: site.url, lastHealth: 'ok' }] });
    expect(run.stdout).not.toContain(works.passphrase ?? 'unreachable');
    const table = await sandbox.run(['accounts']);
    expect(table.stdout).toMatch(new RegExp(`${site.url} +${works.login.replace(/\./g, '\\.')} +ok`));
  });

  it('forgets one login, metadata and keychain entry together, only with confirmation', async () => {
    const works = account('works');
    const admin = account('admin');
    await save(works);
    await save(admin);
    const unconfirmed = await sandbox.run(['accounts', 'forget', '--site', site.url, '--login', works.login]);
    expect(unconfirmed.code).toBe(2);
    expect(registry.list()).toHaveLength(2);

    const run = await sandbox.run(['accounts', 'forget', '--site', site.url, '--login', works.login, '--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Forgot 1 saved login and 1 keychain entry.');
    expect(run.stdout).toContain('revoke it on your Autodesk profile');
    expect(registry.get(accountIdFor(host(), works.login))).toBeNull();
    const listed = await vault.list();
    expect(listed.ok && listed.value.map((ref) => ref.login)).toEqual([admin.login]);
  });

  it('lists keychain entries no saved login uses, and cleans them up with --clean --yes', async () => {
    await save(account('works'));
    await vault.save({ kind: 'passphrase', host: host(), login: 'left-behind' }, 'orphaned-secret');
    const listed = await sandbox.run(['accounts', 'orphans', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject({ orphans: [{ kind: 'passphrase', host: host(), login: 'left-behind' }], cleaned: null });
    expect(listed.stdout).not.toContain('orphaned-secret');

    const cleaned = await sandbox.run(['accounts', 'orphans', '--clean', '--yes']);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('Removed 1 keychain entry.');
    const left = await vault.list();
    expect(left.ok && left.value.map((ref) => ref.login)).toEqual([account('works').login]);
  });

  it('forgets everything with --all --yes', async () => {
    await save(account('works'));
    await save(account('admin'));
    const run = await sandbox.run(['accounts', 'forget', '--all', '--yes', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ forgotten: { accountsRemoved: 2, secretsRemoved: 2, complete: true } });
    expect(registry.list()).toEqual([]);
    expect(await vault.list()).toEqual({ ok: true, value: [] });
  });
});
