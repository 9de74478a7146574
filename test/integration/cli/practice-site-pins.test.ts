/**
 * Pins what the built `gridpass` says about every seeded practice account and every fault the
 * practice site can simulate: the GP- code `doctor --json` reports, and the exit codes of `doctor`
 * and `verify`, with the test keyring and without any keychain (no D-Bus session, as over SSH): the
 * doctor does not need the keychain, so its absence is a warning and never the verdict. Support
 * staff and scripts depend on these.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeSite, type FaultSwitches, type PracticeAccountInfo, type PracticeSite } from '../../../src/practice-site';
import type { AccountScenario } from '../../../src/practice-site';
import type { LoginMethod } from '../../../src/shotgrid/login-method';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';

interface Pin {
  code: string;
  /** Exit code of both `doctor` and `verify`. */
  exit: 0 | 1;
}

const expectedByScenario: Record<AccountScenario, Pin> = {
  'works': { code: 'GP-OK', exit: 0 },
  'works-legacy-login': { code: 'GP-OK', exit: 0 },
  'legacy-login-differs': { code: 'GP-OK', exit: 0 },
  'admin': { code: 'GP-OK', exit: 0 },
  'no-pat': { code: 'GP-AUTH-NO-PAT', exit: 1 },
  'no-passphrase': { code: 'GP-AUTH-NO-PAT', exit: 1 },
  'two-factor': { code: 'GP-AUTH-2FA-REQUIRED', exit: 1 },
  'locked': { code: 'GP-ACCOUNT-LOCKED', exit: 1 },
  'inactive': { code: 'GP-ACCOUNT-INACTIVE', exit: 1 },
  'sudo-target': { code: 'GP-AUTH-NO-PAT', exit: 1 },
  'sudo-not-allowed': { code: 'GP-AUTH-NO-PAT', exit: 1 },
  'retired': { code: 'GP-AUTH-NO-PAT', exit: 1 },
};

/** On sites without Autodesk Identity a refused password is just that: no PAT is involved. */
const onPasswordSites: Partial<Record<AccountScenario, Pin>> = {
  'sudo-target': { code: 'GP-AUTH-BAD-CREDENTIALS', exit: 1 },
  'sudo-not-allowed': { code: 'GP-AUTH-BAD-CREDENTIALS', exit: 1 },
  'retired': { code: 'GP-AUTH-BAD-CREDENTIALS', exit: 1 },
};

function expectedFor(method: LoginMethod, account: PracticeAccountInfo): Pin {
  if (method === 'saml2') return { code: 'GP-AUTH-SSO-ONLY', exit: 1 };
  if (method !== 'oxygen') return onPasswordSites[account.scenario] ?? expectedByScenario[account.scenario];
  return expectedByScenario[account.scenario];
}

/** Where the keychain is: the keyring session the suites run in, or none at all. */
const keychains = [
  { keychain: 'with a keychain', env: {}, keychainCheck: 'pass' },
  { keychain: 'without D-Bus', env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gridpass-test-bus' }, keychainCheck: 'warn' },
] as const;

interface Report {
  verdict: { code: string | null };
  findings: Array<{ code: string }>;
  checks: Array<{ id: string; status: string }>;
}

const keychainStatus = (report: Report) => report.checks.find((check) => check.id === 'keychain')?.status;

let sandbox: CliSandbox;
const sites: PracticeSite[] = [];

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('pins');
});

afterAll(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
  await sandbox?.cleanup();
});

async function practiceSite(options: Parameters<typeof startPracticeSite>[0] = {}): Promise<PracticeSite> {
  const site = await startPracticeSite(options);
  sites.push(site);
  return site;
}

/** Accounts without a passphrase still get one typed, as a person would try. */
const typedPassphrase = (account: PracticeAccountInfo) => `${account.passphrase ?? `never-set-${account.id}`}\n`;

interface Observed {
  login: string;
  doctorExit: number | null;
  doctorCode: string | null;
  keychainCheck: string | undefined;
  verifyExit: number | null;
}

async function observe(site: PracticeSite, account: PracticeAccountInfo, env: NodeJS.ProcessEnv): Promise<Observed> {
  const login = ['--site', site.url, '--login', account.login, '--passphrase-stdin'];
  const stdin = typedPassphrase(account);
  const [doctor, verify] = await Promise.all([
    sandbox.run(['doctor', ...login, '--json'], { stdin, env }),
    sandbox.run(['verify', ...login], { stdin, env }),
  ]);
  const report = JSON.parse(doctor.stdout) as Report;
  return { login: account.login, doctorExit: doctor.code, doctorCode: report.verdict.code, keychainCheck: keychainStatus(report), verifyExit: verify.code };
}

describe.each(keychains)('$keychain', ({ env, keychainCheck }) => {
  describe.each(['oxygen', 'default', 'saml2'] as const)('every seeded account on a %s practice site', (method) => {
    it('gets its pinned finding from doctor --json and its pinned exit code from doctor and verify', async () => {
      const site = await practiceSite({ method });
      const observed = await Promise.all(site.accounts.map((account) => observe(site, account, env)));
      const expected = site.accounts.map((account) => {
        const pin = expectedFor(method, account);
        return { login: account.login, doctorExit: pin.exit, doctorCode: pin.code, keychainCheck, verifyExit: pin.exit };
      });
      expect(observed).toEqual(expected);
    }, 90_000);
  });
});

const faults: Array<{ name: string; faults: FaultSwitches; code: string; timeout?: string }> = [
  { name: 'latency beyond --timeout', faults: { latencyMs: 4_000 }, code: 'GP-NET-TIMEOUT', timeout: '1' },
  { name: 'maintenance page', faults: { maintenance: true }, code: 'GP-SITE-MAINTENANCE' },
  { name: 'bad gateway', faults: { badGateway: true }, code: 'GP-SITE-MAINTENANCE' },
  { name: 'captive portal html', faults: { html: true }, code: 'GP-SITE-HTML' },
  { name: 'redirect to another host', faults: { redirectTo: 'https://moved.example/' }, code: 'GP-SITE-MOVED' },
  // The connection closes before the promised body ends: to the client that is a connection cut off mid-reply.
  { name: 'truncated body', faults: { truncate: true }, code: 'GP-SITE-BAD-REPLY' },
  { name: 'connection reset', faults: { reset: true }, code: 'GP-NET-RESET' },
  { name: '403 html page', faults: { forbiddenHtml: true }, code: 'GP-SITE-BLOCKED' },
];

describe.each(keychains)('every practice site fault switch, $keychain', ({ env, keychainCheck }) => {
  it.concurrent.each(faults)('$name -> doctor --json says $code; doctor and verify exit 1', async ({ faults: switches, code, timeout }) => {
    const site = await practiceSite({ faults: switches });
    const works = site.accounts.find((account) => account.scenario === 'works');
    if (works === undefined) throw new Error('no working account on the practice site');
    const bound = timeout === undefined ? [] : ['--timeout', timeout];
    const login = ['--site', site.url, '--login', works.login, '--passphrase-stdin', ...bound];
    const [doctor, verify] = await Promise.all([
      sandbox.run(['doctor', ...login, '--json'], { stdin: typedPassphrase(works), env }),
      sandbox.run(['verify', ...login], { stdin: typedPassphrase(works), env }),
    ]);
    const report = JSON.parse(doctor.stdout) as Report;
    expect({ doctor: doctor.code, verdict: report.verdict.code, keychain: keychainStatus(report), verify: verify.code })
      .toEqual({ doctor: 1, verdict: code, keychain: keychainCheck, verify: 1 });
    expect(report.findings[0]?.code).toBe(code);
    expect(verify.stdout).toContain(`[${code}]`);
    // No fault ever lets a passphrase through: the site is not answering like ShotGrid.
    expect(site.log.credentialedCount()).toBe(0);
  }, 30_000);

  it('a self-signed certificate -> GP-TLS-UNTRUSTED; doctor and verify exit 1', async () => {
    const site = await practiceSite({ tls: true });
    const works = site.accounts.find((account) => account.scenario === 'works');
    if (works === undefined) throw new Error('no working account on the practice site');
    const login = ['--site', site.url, '--login', works.login, '--passphrase-stdin'];
    const [doctor, verify] = await Promise.all([
      sandbox.run(['doctor', ...login, '--json'], { stdin: typedPassphrase(works), env }),
      sandbox.run(['verify', ...login], { stdin: typedPassphrase(works), env }),
    ]);
    const report = JSON.parse(doctor.stdout) as Report;
    expect({ doctor: doctor.code, verdict: report.verdict.code, keychain: keychainStatus(report), verify: verify.code })
      .toEqual({ doctor: 1, verdict: 'GP-TLS-UNTRUSTED', keychain: keychainCheck, verify: 1 });
    expect(verify.stdout).toContain('[GP-TLS-UNTRUSTED]');
    expect(site.log.credentialedCount()).toBe(0);
  }, 30_000);
});
