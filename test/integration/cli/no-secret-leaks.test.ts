/**
 * Unique secrets fed to the built CLI the ways it accepts them (stdin, --2fa-stdin) must appear in
 * nothing it writes: stdout, stderr, report files or the settings file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site';
import { buildCliOnce, cliSandbox, type ChildRun, type CliSandbox } from '../../fixtures/cli-process';
import { plantedSecret } from '../../fixtures/plant-secret';

let sandbox: CliSandbox;
let site: PracticeSite;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('planted');
  site = await startPracticeSite({ method: 'oxygen' });
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

it('never writes a planted passphrase, 2FA code or script key anywhere', async () => {
  const passphrase = plantedSecret('passphrase');
  const code = plantedSecret('2fa-code');
  const scriptKey = plantedSecret('script-key');
  const works = site.accounts.find((account) => account.scenario === 'works');
  const twoFactor = site.accounts.find((account) => account.scenario === 'two-factor');
  const script = site.scripts.find((candidate) => candidate.canSudo);
  if (works === undefined || twoFactor === undefined || script === undefined) throw new Error('practice seed changed');
  const markdown = join(sandbox.home, 'report.md');
  const json = join(sandbox.home, 'report.json');
  const siteArgs = ['--site', site.url];

  const runs: ChildRun[] = await Promise.all([
    sandbox.run(['verify', ...siteArgs, '--login', works.login, '--passphrase-stdin'], { stdin: `${passphrase}\n` }),
    sandbox.run(['verify', ...siteArgs, '--login', twoFactor.login, '--passphrase-stdin', '--2fa-stdin', '--json'], { stdin: `${twoFactor.passphrase}\n${code}\n` }),
    sandbox.run(['verify', ...siteArgs, '--script', script.name, '--key-stdin', '--sudo-as', works.login, '--json'], { stdin: scriptKey }),
    sandbox.run(['doctor', ...siteArgs, '--login', twoFactor.login, '--passphrase-stdin', '--2fa-stdin', '--report', markdown], { stdin: `${passphrase}\n${code}\n` }),
    sandbox.run(['doctor', ...siteArgs, '--login', works.login, '--passphrase-stdin', '--json', '--report', json], { stdin: `${passphrase}\n` }),
    sandbox.run(['verify', ...siteArgs, '--login', works.login, `--passphrase=${passphrase}`]),
  ]);
  expect(runs.map((run) => run.code)).toEqual([1, 1, 1, 1, 1, 2]);
  expect(runs[1]?.stdout).toContain('GP-AUTH-2FA-REJECTED');
  expect(runs[2]?.stdout).toContain('GP-AUTH-BAD-SCRIPT-KEY');
  expect(runs[5]?.stderr).toContain('There is no --passphrase option');

  const files = await Promise.all((await readdir(sandbox.home)).map((name) => readFile(join(sandbox.home, name), 'utf8')));
  expect(files.length).toBeGreaterThanOrEqual(3);
  const written = [...runs.flatMap((run) => [run.stdout, run.stderr]), ...files].join('\n---\n');
  for (const secret of [passphrase, code, scriptKey]) expect(written).not.toContain(secret);
  expect(written).toContain('# Gridpass support report');
});
