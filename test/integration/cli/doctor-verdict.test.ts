/**
 * What `gridpass doctor` names as the verdict when the keychain cannot be reached (over SSH, no D-Bus
 * session) and when this computer cannot look up names at all, and what a plain `verify` and `login`
 * say then (the DNS check's one rule). Name lookups are answered by
 * test/fixtures/resolver-seam.mjs, never by this machine's DNS.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { plantedSecret } from '../../fixtures/plant-secret';

const resolverSeam = fileURLToPath(new URL('../../fixtures/resolver-seam.mjs', import.meta.url));
const noDbus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gridpass-test-bus' };

interface Report {
  verdict: { code: string | null };
  checks: Array<{ id: string; status: string; findingCode: string | null; details: string[] }>;
}

let sandbox: CliSandbox;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('verdict');
});

afterAll(async () => {
  await sandbox?.cleanup();
});

function withResolver(mode: 'none' | 'no-invalid', env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...env, GRIDPASS_TEST_RESOLVER: mode, NODE_OPTIONS: `--import=${resolverSeam}` };
}

describe('doctor on a computer that cannot look up any names', () => {
  it.each([
    ['with a keychain', {}],
    ['without D-Bus', noDbus],
  ])('says GP-NET-NO-DNS, not a typo, %s', async (_name, env) => {
    const run = await sandbox.run(['doctor', '--site', 'mystudio.shotgrid.autodesk.com', '--json'], { env: withResolver('none', env) });
    const report = JSON.parse(run.stdout) as Report;
    expect({ exit: run.code, verdict: report.verdict.code }).toEqual({ exit: 1, verdict: 'GP-NET-NO-DNS' });
    expect(report.checks.find((check) => check.id === 'dns')).toMatchObject({ status: 'fail', findingCode: 'GP-NET-NO-DNS' });
  }, 30_000);

  it('still blames the address when other names resolve', async () => {
    const run = await sandbox.run(['doctor', '--site', 'mystudio.invalid', '--json'], { env: withResolver('no-invalid') });
    const report = JSON.parse(run.stdout) as Report;
    expect({ exit: run.code, verdict: report.verdict.code }).toEqual({ exit: 1, verdict: 'GP-NET-DNS' });
    expect(report.checks.find((check) => check.id === 'dns')?.details).toContain('autodesk.com resolves, so name lookup works on this computer');
  }, 30_000);

  it('prints the finding in words on a terminal-less run', async () => {
    const run = await sandbox.run(['doctor', '--site', 'mystudio.shotgrid.autodesk.com'], { env: withResolver('none') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('This computer cannot look up any names');
    expect(run.stdout).not.toContain('was not found');
  }, 30_000);
});

describe('verify and login on a computer that cannot look up any names', () => {
  const site = ['--site', 'mystudio.shotgrid.autodesk.com'];
  const login = ['--login', 'ana@studio.example', '--passphrase-stdin', '--json'];
  const passphrase = plantedSecret('no-dns-passphrase');
  const stdin = `${passphrase}\n`;

  it('verify says GP-NET-NO-DNS, not a typo, and sends nothing', async () => {
    const run = await sandbox.run(['verify', ...site, ...login], { env: withResolver('none'), stdin });
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as { results: Array<{ finding: { code: string } }> };
    expect(document.results[0]?.finding.code).toBe('GP-NET-NO-DNS');
    expect(run.stdout).not.toContain(passphrase);
  }, 30_000);

  it('verify still blames the address when other names resolve', async () => {
    const run = await sandbox.run(['verify', '--site', 'mystudio.invalid', ...login], { env: withResolver('no-invalid'), stdin });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { results: Array<{ finding: { code: string } }> }).results[0]?.finding.code).toBe('GP-NET-DNS');
  }, 30_000);

  it('login says GP-NET-NO-DNS and saves nothing', async () => {
    const run = await sandbox.run(['login', ...site, ...login], { env: withResolver('none'), stdin });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ saved: false, finding: { code: 'GP-NET-NO-DNS' } });
  }, 30_000);
});
