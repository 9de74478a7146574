/**
 * The built `gridpass` over a settings file that is partly unreadable, from a newer Gridpass, or not
 * a file at all: it uses what it can, loses nothing, answers at once, and `accounts orphans --clean`
 * never removes the keychain entries of an account it could not read.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeSite, type PracticeAccountInfo, type PracticeSite } from '../../../src/practice-site';
import type { AccountScenario } from '../../../src/practice-site/practice-seed';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import type { Vault } from '../../../src/vault/vault';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { requireWorkingKeychain } from '../../fixtures/keyring';

let sandbox: CliSandbox;
let site: PracticeSite;
let vault: Vault;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('settings-file');
  vault = createKeychainVault({ service: sandbox.service });
  await requireWorkingKeychain(vault);
  site = await startPracticeSite({ method: 'oxygen' });
});

afterEach(async () => {
  fs.rmSync(sandbox.home, { recursive: true, force: true });
  fs.mkdirSync(sandbox.home);
  const listed = await vault.list();
  for (const ref of listed.ok ? listed.value : []) await vault.remove(ref);
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

const config = () => path.join(sandbox.home, 'config.json');
const host = () => new URL(site.url).host;

function practice(scenario: AccountScenario): PracticeAccountInfo {
  const found = site.accounts.find((candidate) => candidate.scenario === scenario);
  if (found === undefined) throw new Error(`no ${scenario} account`);
  return found;
}

function savedAccount(who: PracticeAccountInfo, extra: Record<string, unknown> = {}) {
  return { id: `${host()}:${who.login}`, site: site.url, host: host(), login: who.login, createdAt: '2026-01-05T10:00:00.000Z', ...extra };
}

async function keepPassphrase(who: PracticeAccountInfo): Promise<void> {
  const saved = await vault.save({ kind: 'passphrase', host: host(), login: who.login }, who.passphrase!);
  if (!saved.ok) throw new Error(saved.failure.message);
}

describe('gridpass over a settings file it can only partly use', () => {
  it('lists the two readable accounts of three, names the third, and --clean leaves its keychain entry alone', async () => {
    const [maya, elena, jonas] = [practice('works'), practice('admin'), practice('no-pat')];
    for (const who of [maya, elena, jonas]) await keepPassphrase(who);
    await vault.save({ kind: 'passphrase', host: host(), login: 'left-behind' }, 'orphaned-practice-value');
    const unreadable = savedAccount(jonas, { lastHealth: 'expired' });
    fs.writeFileSync(config(), JSON.stringify({ schemaVersion: 1, accounts: [savedAccount(maya), unreadable, savedAccount(elena)] }));

    const listed = await sandbox.run(['accounts', '--json']);
    expect(listed.code).toBe(0);
    const logins = (JSON.parse(listed.stdout) as { accounts: Array<{ login: string }> }).accounts.map((entry) => entry.login);
    expect(logins.sort()).toEqual([maya.login, elena.login].sort());
    expect(listed.stderr).toContain(`${jonas.login} on ${host()} (lastHealth: not an allowed value)`);
    expect(listed.stderr).not.toMatch(/--clean/);

    const cleaned = await sandbox.run(['accounts', 'orphans', '--clean', '--yes']);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('Removed 1 keychain entry.');
    expect(cleaned.stdout).toMatch(/keychain entries of accounts this version cannot read \(.*\) are not counted as orphans/);
    const left = await vault.list();
    expect(left.ok && left.value.map((ref) => ref.login).sort()).toEqual([maya.login, elena.login, jonas.login].sort());

    const verified = await sandbox.run(['verify', '--saved', '--json']);
    expect(verified.code).toBe(0);
    const written = JSON.parse(fs.readFileSync(config(), 'utf8')) as { accounts: unknown[] };
    expect(written.accounts).toHaveLength(3);
    expect(written.accounts).toContainEqual(unreadable);
  });

  it('removes nothing with --clean while a moved-aside settings file is still there', async () => {
    const maya = practice('works');
    await keepPassphrase(maya);
    fs.writeFileSync(config(), '{"schemaVersion": 1, "accounts": [');
    const run = await sandbox.run(['accounts', 'orphans', '--clean', '--yes']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/not valid JSON/);
    expect(run.stderr).not.toMatch(/--clean/);
    expect(run.stdout).toMatch(/not counted as orphans while an earlier settings file is kept .*config\.json\.corrupt-/);
    expect(await vault.read({ kind: 'passphrase', host: host(), login: maya.login })).toEqual({ ok: true, value: maya.passphrase });
  });

  it('checks the logins of a file a newer Gridpass wrote and leaves that file byte for byte as it was', async () => {
    const maya = practice('works');
    await keepPassphrase(maya);
    const text = `${JSON.stringify({ schemaVersion: 2, accounts: [savedAccount(maya, { lastHealth: 'ok', passkeys: [] })], fleet: { id: 7 } }, null, 2)}\n`;
    fs.writeFileSync(config(), text);

    const run = await sandbox.run(['verify', '--saved', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, results: [{ login: maya.login, ok: true }] });
    expect(run.stderr).toMatch(/written by a newer version of Gridpass \(settings version 2\).*will not be saved until Gridpass is updated/);
    expect(fs.readFileSync(config(), 'utf8')).toBe(text);
    expect(fs.readdirSync(sandbox.home)).toEqual(['config.json']);
  });

  it('reads a file that starts with a byte order mark', async () => {
    const maya = practice('works');
    fs.writeFileSync(config(), `\uFEFF${JSON.stringify({ schemaVersion: 1, accounts: [savedAccount(maya)] })}`);
    const run = await sandbox.run(['accounts', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ accounts: [{ login: maya.login }] });
  });

  it('answers at once, with a clear notice, when a named pipe (FIFO) stands in place of the file', async () => {
    execFileSync('mkfifo', [config()]);
    // A CLI that opened the pipe waiting for a writer would never exit, and this test would time out.
    const run = await sandbox.run(['accounts']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/cannot use its settings file .*config\.json: it is a named pipe \(FIFO\), not a file/);
    expect(fs.statSync(config()).isFIFO()).toBe(true);
  });

  it('answers with a clear notice when a folder stands in place of the file', async () => {
    fs.mkdirSync(config());
    const run = await sandbox.run(['accounts']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/it is a folder, not a file/);
  });

  it('says a file it may not read is a matter of permission, not a damaged file', async () => {
    // Tests often run as root, whom file modes do not stop; a kernel file refuses reads to everyone.
    if (process.getuid?.() === 0) fs.symlinkSync('/proc/sys/vm/drop_caches', config());
    else {
      fs.writeFileSync(config(), JSON.stringify({ schemaVersion: 1 }));
      fs.chmodSync(config(), 0o000);
    }
    const run = await sandbox.run(['accounts']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/permission to read it was denied/);
    expect(run.stderr).not.toMatch(/JSON|expects/);
  });

  it.runIf(process.platform === 'linux')('ends, rather than spinning, where the system will not make its folders', async () => {
    // Inside /proc every new folder is "not found" although its parent exists, which sends Node's
    // recursive mkdir round for ever; the settings folder and the code cache must fail instead.
    const works = practice('works');
    const nowhere = { GRIDPASS_HOME: '/proc/gridpass-nowhere/home', XDG_CACHE_HOME: '/proc/gridpass-nowhere/cache' };
    const verified = await sandbox.run(['verify', '--site', site.url, '--login', works.login, '--passphrase-stdin'], { stdin: `${works.passphrase}\n`, env: nowhere });
    expect(verified.code).toBe(0);
    const refused = practice('no-pat');
    const counted = await sandbox.run(['verify', '--site', site.url, '--login', refused.login, '--passphrase-stdin', '--json'], { stdin: `${refused.passphrase}\n`, env: nowhere });
    expect(counted.code).toBe(1);
    // The refusal could only be counted in memory, which ends with the command: the person is told.
    expect(JSON.parse(counted.stdout)).toMatchObject({ results: [{ finding: { code: 'GP-AUTH-NO-PAT' }, notSaved: { code: 'GP-SETTINGS-UNWRITABLE' } }] });
  });

  it('says a refusal is not counted when a newer Gridpass wrote the settings file, which it leaves as it is', async () => {
    fs.writeFileSync(config(), JSON.stringify({ schemaVersion: 2, settings: {}, accounts: [], authFailures: [] }));
    const before = fs.readFileSync(config(), 'utf8');
    const refused = practice('no-pat');
    const run = await sandbox.run(['verify', '--site', site.url, '--login', refused.login, '--passphrase-stdin', '--json'], { stdin: `${refused.passphrase}\n` });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ results: [{ failedLogins: 1, notSaved: { code: 'GP-SETTINGS-UNWRITABLE', explanation: expect.stringMatching(/newer version/) } }] });
    expect(fs.readFileSync(config(), 'utf8')).toBe(before);
  });
});
