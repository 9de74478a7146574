/**
 * `gridpass login` then `gridpass status` then `verify --saved`, as a support person would run them,
 * against the practice site, the real keychain (this run's own service name) and a settings folder of
 * their own. The practice site's request log shows what was sent: never a passphrase when the keychain
 * cannot save it, never one twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRegistry, type AccountRegistry } from '../../../src/accounts/account-registry';
import { startPracticeSite, type AccountScenario, type PracticeAccountInfo, type PracticeSite } from '../../../src/practice-site';
import { openSettingsStore } from '../../../src/settings/settings-store';
import type { Vault } from '../../../src/vault/vault';
import { keychainCliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { practiceAccount } from '../../fixtures/practice-site';

let sandbox: CliSandbox;
let site: PracticeSite;
let vault: Vault;
let registry: AccountRegistry;

beforeAll(async () => {
  ({ sandbox, vault, registry } = await keychainCliSandbox('login'));
  site = await startPracticeSite({ method: 'oxygen' });
});

afterEach(async () => {
  await freshRegistry().forgetAll();
  site.log.clear();
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

/** Opened after each CLI run: the CLI wrote the file, and a store reads it when opened. */
function freshRegistry(): AccountRegistry {
  registry = createAccountRegistry({ settings: openSettingsStore({ cwd: sandbox.home }), vault });
  return registry;
}

const account = (scenario: AccountScenario): PracticeAccountInfo => practiceAccount(site, scenario);

const passwordLogins = (login: string) => site.log.entries().filter((entry) => entry.authKind === 'password' && entry.principal === login).length;

interface StatusJson {
  ok: boolean;
  keychain: { ok: boolean };
  logins: Array<{ login: string; health: string; checksPaused: boolean; keychainEntry: boolean | null; failedLogins: number; needsYou: boolean; fix: { command: string } | null }>;
}

describe('gridpass login', () => {
  it('verifies once, saves to the keychain and the settings file, and status then verify --saved agree, reusing the kept session', async () => {
    const works = account('works');
    const login = await sandbox.run(['login', '--site', site.url, '--login', works.login, '--passphrase-stdin'], { stdin: `${works.passphrase}\n` });
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain('SAVED');
    expect(passwordLogins(works.login)).toBe(1);

    const saved = freshRegistry().list();
    expect(saved).toMatchObject([{ site: site.url, login: works.login, failedLogins: 0, checksPaused: false }]);
    const secret = await registry.readSecret(saved[0]!.id, 'passphrase');
    expect(secret).toEqual({ ok: true, value: works.passphrase });

    site.log.clear();
    const status = await sandbox.run(['status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, logins: [{ login: works.login, keychainEntry: true, needsYou: false, fix: null }] });
    expect(site.log.entries()).toHaveLength(0);

    // As the tray's checks do: the session `login` kept is still good, so no passphrase is sent.
    const verify = await sandbox.run(['verify', '--saved', '--json']);
    expect(verify.code).toBe(0);
    expect(passwordLogins(works.login)).toBe(0);
    expect(site.log.entries().filter((entry) => entry.authKind === 'session' && entry.principal === works.login)).toHaveLength(1);

    // Asked for explicitly, the passphrase itself is re-checked, once.
    const recheck = await sandbox.run(['verify', '--saved', '--recheck-passphrase', '--json']);
    expect(recheck.code).toBe(0);
    expect(passwordLogins(works.login)).toBe(1);
  });

  it('saves nothing after a refusal, counts it, and never sends the passphrase a second time', async () => {
    const works = account('works');
    const run = await sandbox.run(['login', '--site', site.url, '--login', works.login, '--passphrase-stdin', '--json'], { stdin: 'not-the-passphrase\n' });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'gridpass.login/1', saved: false, account: null, result: { failedLogins: 1 } });
    expect(passwordLogins(works.login)).toBe(1);
    expect(freshRegistry().list()).toEqual([]);
    expect(registry.failedLogins(site.url, works.login)).toBe(1);
    expect((await vault.list())).toEqual({ ok: true, value: [] });
  });

  it('sends a two-step code piped in on the line after the passphrase', async () => {
    const twoFactor = account('two-factor');
    const code = twoFactor.twoFactor?.codes[0];
    const run = await sandbox.run(['login', '--site', site.url, '--login', twoFactor.login, '--passphrase-stdin', '--2fa-stdin'], {
      stdin: `${twoFactor.passphrase}\n${code}\n`,
    });
    expect(run.code).toBe(0);
    expect(passwordLogins(twoFactor.login)).toBe(1);
    expect(freshRegistry().list()).toMatchObject([{ login: twoFactor.login }]);
  });

  it('refuses a code on the command line and a missing --login without a terminal, sending nothing', async () => {
    const works = account('works');
    const withCode = await sandbox.run(['login', '--site', site.url, '--login', works.login, '--passphrase-stdin', '--2fa-code', '112358'], { stdin: `${works.passphrase}\n` });
    expect(withCode.code).toBe(2);
    expect(withCode.stderr).not.toContain('112358');
    const noLogin = await sandbox.run(['login', '--site', site.url, '--passphrase-stdin'], { stdin: `${works.passphrase}\n` });
    expect(noLogin.code).toBe(2);
    expect(noLogin.stderr).toContain('--login L');
    expect(site.log.entries()).toHaveLength(0);
  });

  it('without a keychain says so and sends no passphrase', async () => {
    const works = account('works');
    const run = await sandbox.run(['login', '--site', site.url, '--login', works.login, '--passphrase-stdin', '--json'], {
      stdin: `${works.passphrase}\n`,
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gridpass-test-bus' },
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ saved: false, finding: { code: expect.stringMatching(/^GP-KEYCHAIN-/) } });
    expect(passwordLogins(works.login)).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(works.passphrase);
  });
});

describe('gridpass status', () => {
  it('names the exact command for a login whose keychain entry is gone, and exits 1', async () => {
    const works = account('works');
    await sandbox.run(['login', '--site', site.url, '--login', works.login, '--passphrase-stdin'], { stdin: `${works.passphrase}\n` });
    const [saved] = freshRegistry().list();
    await vault.remove({ kind: 'passphrase', host: saved!.host, login: saved!.login });

    const run = await sandbox.run(['status', '--json']);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as StatusJson;
    expect(document.logins[0]).toMatchObject({ keychainEntry: false, needsYou: true, fix: { command: `gridpass login --site ${site.url} --login ${works.login}` } });

    const text = await sandbox.run(['status'], { env: { COLUMNS: '200' } });
    expect(text.stdout).toContain('NEEDS YOU');
    expect(text.stdout).toContain('Keychain entry    missing');
  });

  it('with --check re-checks under the tray rules: a paused login is not re-tried', async () => {
    const noPat = account('no-pat');
    const saved = await freshRegistry().saveVerifiedLogin({ site: site.url, login: noPat.login, displayName: null, loginMethod: 'oxygen', passphrase: 'never-set' });
    if (!saved.ok) throw new Error('could not save');

    const first = await sandbox.run(['status', '--check', '--json']);
    expect(first.code).toBe(1);
    expect((JSON.parse(first.stdout) as StatusJson).logins[0]).toMatchObject({ checksPaused: true, failedLogins: 1, needsYou: true });
    expect(passwordLogins(noPat.login)).toBe(1);

    const second = await sandbox.run(['status', '--check', '--json']);
    expect(second.code).toBe(1);
    expect(passwordLogins(noPat.login)).toBe(1);
    expect((JSON.parse(second.stdout) as StatusJson).logins[0]?.fix?.command).toBe(`gridpass login --site ${site.url} --login ${noPat.login}`);
  });

  it('with nothing saved says how to save a login and exits 0', async () => {
    const run = await sandbox.run(['status']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gridpass login --site S --login L');
  });
});
