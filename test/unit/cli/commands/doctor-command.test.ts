import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountRegistry, AttemptRecord } from '../../../../src/accounts/account-registry';
import { ExitCode } from '../../../../src/cli/exit-codes';
import type { KeychainAccess } from '../../../../src/cli/keychain-access';
import type { Vault, VaultSelfTest } from '../../../../src/vault/vault';
import { runGridpass, testCliContext } from '../../../fixtures/cli-io';
import { environmentFacts, healthyDependencies } from '../../../fixtures/diagnosis/check-dependencies';
import { createFakeShotgridClient, failed, siteInfo, succeeded, humanUser } from '../../../fixtures/fake-shotgrid-client';
import { plantedSecret } from '../../../fixtures/plant-secret';

const probes = () => {
  const { resolveHost, connect, tlsHandshake } = healthyDependencies();
  return { resolveHost, connect, tlsHandshake };
};

const passingSelfTest: VaultSelfTest = { ok: true, backend: 'Test keyring', service: 'test', steps: [], totalMs: 4, failure: null };

/** A keychain whose self-test answers as given, and a registry that counts refused logins in memory. */
function keychain(selfTest: VaultSelfTest = passingSelfTest) {
  const refusals: string[] = [];
  const registry = {
    failedLogins: () => refusals.length,
    recordAttempt: (site: string, login: string, attempt: AttemptRecord) => {
      if (attempt.decision.counts) refusals.push(`${login}@${site}`);
      return { ok: true, value: { failedLogins: refusals.length, account: null } };
    },
  } as Partial<AccountRegistry> as AccountRegistry;
  const vault = { backend: selfTest.backend, selfTest: () => Promise.resolve(selfTest) } as Partial<Vault> as Vault;
  const access: KeychainAccess = { vault, registry, settingsNotice: null };
  return { access, refusals };
}

function doctorContext(client = createFakeShotgridClient({ probe: succeeded(siteInfo({ serverDate: new Date('2026-03-02T10:00:00Z') })), verifyLogin: succeeded(humanUser()) }), selfTest?: VaultSelfTest) {
  const { access, refusals } = keychain(selfTest);
  const context = testCliContext({
    client: () => client,
    probes,
    environment: () => environmentFacts(),
    keychain: () => Promise.resolve(access),
  });
  return { context, client, refusals };
}

describe('gridpass doctor', () => {
  it('prints each check with a status word, no colour off a terminal, then the verdict', async () => {
    const { context } = doctorContext();
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio'], context);
    expect(code).toBe(ExitCode.ok);
    expect(io.stdout).toMatch(/PASS {2}Keychain +Test keyring works/);
    expect(io.stdout).toMatch(/SKIP {2}Login +skipped: no login given/);
    expect(io.stdout).toContain('Result: OK');
    expect(io.stdout + io.stderr).not.toContain('\u001b[');
  });

  it('prints one JSON support report with the GP- codes of its findings, and exits 1 when a check failed', async () => {
    const client = createFakeShotgridClient({ probe: failed({ kind: 'html', status: 200, pageTitle: 'Guest Wi-Fi' }) });
    const { context } = doctorContext(client);
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--json'], context);
    expect(code).toBe(ExitCode.checkFailed);
    const report = JSON.parse(io.stdout) as { schema: string; verdict: { code: string }; checks: Array<{ id: string; status: string }>; findings: Array<{ code: string }> };
    expect(report.schema).toBe('gridpass.report/1');
    expect(report.verdict.code).toBe('GP-SITE-HTML');
    expect(report.findings.map((finding) => finding.code)).toContain('GP-SITE-HTML');
    expect(report.checks.find((check) => check.id === 'keychain')?.status).toBe('pass');
    expect(io.stderr).toBe('');
  });

  it('runs the keychain self-test as the keychain check, and warns with the vault\'s own advice, since doctor does not need it', async () => {
    const { context } = doctorContext(undefined, {
      ...passingSelfTest, ok: false,
      failure: { kind: 'locked', message: 'Your keyring is locked.', fix: 'Unlock it.', detail: null },
    });
    const { code, io } = await runGridpass(['doctor', '--json'], context);
    expect(code).toBe(ExitCode.ok);
    const report = JSON.parse(io.stdout) as { verdict: { ok: boolean; code: string }; checks: Array<{ id: string; status: string; findingCode: string | null }> };
    expect(report.verdict).toMatchObject({ ok: true, code: 'GP-KEYCHAIN-LOCKED' });
    expect(report.checks.find((check) => check.id === 'keychain')).toMatchObject({ status: 'warn', findingCode: 'GP-KEYCHAIN-LOCKED' });
  });

  it('tries the login once with the piped passphrase, counts a refusal and keeps the passphrase out of the report', async () => {
    const passphrase = plantedSecret('doctor-passphrase');
    const client = createFakeShotgridClient({
      probe: succeeded(siteInfo()),
      verifyLogin: failed({ kind: 'auth-rejected', code: 102, serverMessage: `no ${passphrase}` }),
    });
    const { context, refusals } = doctorContext(client);
    const dir = await mkdtemp(join(tmpdir(), 'gridpass-doctor-'));
    const file = join(dir, 'report.md');
    await writeFile(file, 'old', { mode: 0o644 });
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--login', 'ana', '--passphrase-stdin', '--report', file], context, { stdin: `${passphrase}\n` });
    expect(code).toBe(ExitCode.checkFailed);
    expect(client.calls.filter((call) => call.method === 'verifyLogin')).toHaveLength(1);
    expect(refusals).toEqual(['ana@https://mystudio.shotgrid.autodesk.com']);
    const written = await readFile(file, 'utf8');
    expect(written).toContain('# Gridpass support report');
    expect(written).toContain('GP-AUTH-NO-PAT');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    for (const text of [written, io.stdout, io.stderr]) expect(text).not.toContain(passphrase);
    expect(io.stderr).toContain(`Report written to ${file}`);
  });

  it('writes a JSON report when the file name ends in .json', async () => {
    const { context } = doctorContext();
    const file = join(await mkdtemp(join(tmpdir(), 'gridpass-doctor-')), 'r.json');
    await runGridpass(['doctor', '--report', file], context);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schema: 'gridpass.report/1', site: null });
  });

  it('without a terminal and without --passphrase-stdin skips the login check and says so', async () => {
    const { context, client } = doctorContext();
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--login', 'ana'], context);
    expect(code).toBe(ExitCode.ok);
    expect(io.stderr).toContain('the login check is skipped');
    expect(client.calls.some((call) => call.method === 'verifyLogin')).toBe(false);
  });

  it('refuses a report file it cannot write before running any check, so a typo costs no login attempt', async () => {
    const { context, client } = doctorContext();
    const missing = join(await mkdtemp(join(tmpdir(), 'gridpass-doctor-')), 'no-such-folder');
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--login', 'ana', '--passphrase-stdin', '--report', join(missing, 'r.md')], context, {
      stdin: 'pw\n',
    });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(`Cannot write the report to ${join(missing, 'r.md')}: the folder ${missing} does not exist. Nothing was checked.`);
    expect(io.stdout).toBe('');
    expect(client.calls).toEqual([]);
  });

  it('on a terminal, Ctrl-C at the passphrase prompt cancels before any check, without a pointer to --help', async () => {
    const { context, client } = doctorContext();
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--login', 'ana'], context, { tty: true, answers: [null] });
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toBe('gridpass: Cancelled: nothing was checked.\n');
    expect(client.calls).toEqual([]);
  });

  it('on a terminal, --passphrase-stdin asks without echo (Enter still skips the login check)', async () => {
    const { context, client } = doctorContext();
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--login', 'ana', '--passphrase-stdin'], context, { tty: true, answers: [''] });
    expect(code).toBe(ExitCode.ok);
    expect(io.stdinReads).toBe(0);
    expect(io.questions).toMatchObject([{ secret: true }]);
    expect(client.calls.some((call) => call.method === 'verifyLogin')).toBe(false);
  });

  it.each([
    [['doctor', '--site', 'x', '--login', 'ana typed-secret-3301'], '--login has a space in it'],
    [['doctor', '--site', 'x', '--report', '/'], 'that is a folder'],
    [['doctor', '--login', 'ana'], '--login needs --site'],
    [['doctor', '--site', 'x', '--passphrase-stdin'], '--passphrase-stdin needs --login'],
    [['doctor', '--site', 'x', '--2fa-stdin'], '--2fa-stdin needs --login'],
    [['doctor', '--site', 'x', '--login', 'y', '--2fa-code', '123456'], 'a code on the command line can be read by other users'],
    [['doctor', '--password', 'x'], 'There is no --password option'],
  ])('%j is a usage error', async (args, message) => {
    const { code, io } = await runGridpass(args);
    expect(code).toBe(ExitCode.usage);
    expect(io.stderr).toContain(message);
    expect(io.stderr).not.toContain('typed-secret-3301');
  });
});

describe('gridpass doctor --browser-sign-in', () => {
  const tom = {
    id: 107, login: 'tkeller', name: 'Tom Keller', email: 'tom.keller@studio.example', status: 'dis', permissionGroup: 'Artist',
    lockedUntil: null, lockedUntilReadable: true,
  };

  function signedInContext(person = tom) {
    const { context, client } = doctorContext();
    const signInContext = testCliContext({
      ...context,
      untilStopped: () => new Promise<never>(() => undefined),
      browserSignIn: () => ({
        identify: (_site, run) => {
          run.onApprovalLink?.({ url: 'https://mystudio.shotgrid.autodesk.com/app_session_request/1', expiresAt: Date.now() + 180_000 });
          return Promise.resolve({ ok: true, person });
        },
      }),
    });
    return { context: signInContext, client };
  }

  it('an inactive person: the passphrase is neither read nor sent, and the account check says why', async () => {
    const { context, client } = signedInContext();
    const { code, io } = await runGridpass(['doctor', '--site', 'mystudio', '--browser-sign-in', '--passphrase-stdin', '--json'], context, { stdin: `${plantedSecret('inactive-passphrase')}\n` });
    expect(code).toBe(ExitCode.checkFailed);
    const report = JSON.parse(io.stdout) as { verdict: { code: string }; login: string; signedIn: { login: string } };
    expect(report).toMatchObject({ login: 'tkeller', signedIn: { login: 'tkeller' }, verdict: { code: 'GP-ACCOUNT-INACTIVE' } });
    expect(io.stdinReads).toBe(0);
    expect(client.calls.filter((call) => call.method === 'verifyLogin')).toHaveLength(0);
    expect(io.stderr.replace(/\s+/g, ' ')).toContain('The passphrase is not asked for and not sent: the account is not active on this site.');
  });

  it('needs no --login for --passphrase-stdin: the signed-in person\'s own login is checked', async () => {
    const { context, client } = signedInContext({ ...tom, status: 'act' });
    const { code } = await runGridpass(['doctor', '--site', 'mystudio', '--browser-sign-in', '--passphrase-stdin', '--json'], context, { stdin: `${plantedSecret('own-login-passphrase')}\n` });
    expect(code).toBe(ExitCode.ok);
    expect(client.calls.find((call) => call.method === 'verifyLogin')).toMatchObject({ credentials: { login: 'tkeller' } });
  });
});
