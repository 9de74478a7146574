/**
 * Certificate checks cannot be switched off from the environment: with NODE_TLS_REJECT_UNAUTHORIZED=0
 * the built `gridpass` still refuses the practice site's self-signed certificate, sends no passphrase
 * (counted from the practice site's own request log), and `doctor` names the variable as a warning.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';

let sandbox: CliSandbox;
let site: PracticeSite;
const weakened = { NODE_TLS_REJECT_UNAUTHORIZED: '0' };

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('tls-env');
  site = await startPracticeSite({ method: 'oxygen', tls: true });
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

function works(): { login: string; passphrase: string } {
  const account = site.accounts.find((candidate) => candidate.scenario === 'works');
  if (account?.passphrase == null) throw new Error('the seed has no working account');
  return { login: account.login, passphrase: account.passphrase };
}

it('verify still ends in GP-TLS-UNTRUSTED and sends no passphrase', async () => {
  const { login, passphrase } = works();
  site.log.clear();
  const run = await sandbox.run(['verify', '--site', site.url, '--login', login, '--passphrase-stdin', '--json'], { stdin: `${passphrase}\n`, env: weakened });
  expect(run.code).toBe(1);
  expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, results: [{ finding: { code: 'GP-TLS-UNTRUSTED' } }] });
  expect(site.log.entries()).toEqual([]);
  expect(site.log.credentialedCount()).toBe(0);
});

it('doctor ends in GP-TLS-UNTRUSTED, names the variable as a warning finding and sends no passphrase', async () => {
  const { login, passphrase } = works();
  site.log.clear();
  const run = await sandbox.run(['doctor', '--site', site.url, '--login', login, '--passphrase-stdin', '--json'], { stdin: `${passphrase}\n`, env: weakened });
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as { verdict: { code: string }; findings: Array<{ code: string; severity: string; explanation: string }>; checks: Array<{ id: string; status: string }> };
  expect(report.verdict.code).toBe('GP-TLS-UNTRUSTED');
  expect(report.checks.find((check) => check.id === 'environment')?.status).toBe('warn');
  expect(report.findings.find((finding) => finding.code === 'GP-ENV-TLS-OVERRIDE')).toMatchObject({
    severity: 'warning',
    explanation: expect.stringContaining('NODE_TLS_REJECT_UNAUTHORIZED=0'),
  });
  expect(site.log.credentialedCount()).toBe(0);
});

it('the same site is trusted once its certificate is, so the refusal above was the certificate', async () => {
  const { login, passphrase } = works();
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const ca = join(await mkdtemp(join(tmpdir(), 'gridpass-ca-')), 'practice.pem');
  await writeFile(ca, site.certificate ?? '');
  const run = await sandbox.run(['verify', '--site', site.url, '--login', login, '--passphrase-stdin', '--json'], { stdin: `${passphrase}\n`, env: { ...weakened, NODE_EXTRA_CA_CERTS: ca } });
  expect(run.code).toBe(0);
});
