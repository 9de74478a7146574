/**
 * `gridpass verify --login L` as a process: the requests it sends, and the lockout count it reads from
 * and writes to the settings file it shares with the app.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startPracticeSite, type PracticeAccountInfo, type PracticeSite } from '../../../src/practice-site';
import { buildCliOnce, builtCli, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';

let sandbox: CliSandbox;
let site: PracticeSite;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('typed');
  site = await startPracticeSite({ method: 'oxygen' });
});

afterEach(async () => {
  site.log.clear();
  for (const file of await readdir(sandbox.home)) await rm(path.join(sandbox.home, file), { force: true });
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

function account(scenario: 'works' | 'no-pat'): PracticeAccountInfo {
  const found = site.accounts.find((candidate) => candidate.scenario === scenario);
  if (found === undefined) throw new Error(`no ${scenario} account`);
  return found;
}

function verify(who: PracticeAccountInfo, passphrase: string) {
  return sandbox.run(['verify', '--site', site.url, '--login', who.login, '--passphrase-stdin', '--json'], { stdin: `${passphrase}\n` });
}

const failedLoginsOf = (stdout: string) => (JSON.parse(stdout) as { results: Array<{ failedLogins: number }> }).results[0]?.failedLogins;

it('asks the site what it is once, then logs in with one read, as the Python client does', async () => {
  const works = account('works');
  const run = await verify(works, works.passphrase!);
  expect(run.code).toBe(0);
  expect(site.log.entries().map((entry) => entry.call)).toEqual(['info', 'read']);
});

it('counts a refused login in the settings file, and the next run reads the count back', async () => {
  const noPat = account('no-pat');
  const first = await verify(noPat, noPat.passphrase!);
  expect(first.code).toBe(1);
  expect(failedLoginsOf(first.stdout)).toBe(1);
  expect(await readdir(sandbox.home)).toEqual(['config.json']);
  const second = await verify(noPat, noPat.passphrase!);
  expect(failedLoginsOf(second.stdout)).toBe(2);
  // The site saw each passphrase once: nothing was retried.
  expect(site.log.credentialedCount(noPat.login)).toBe(2);
});

it('writes no settings for a login that works where the site has no refusal count or pause to clear', async () => {
  const works = account('works');
  const fresh = await verify(works, works.passphrase!);
  expect({ code: fresh.code, failedLogins: failedLoginsOf(fresh.stdout), files: await readdir(sandbox.home) }).toEqual({ code: 0, failedLogins: 0, files: [] });

  // The login saved with no count, and another site's count: nothing to clear for this one.
  const host = new URL(site.url).host;
  const saved = {
    id: `${host.replace(':', '%3A')}:${works.login}`, site: site.url, host, login: works.login, displayName: null, loginMethod: 'oxygen',
    createdAt: '2026-03-02T10:00:00.000Z', lastCheckedAt: null, lastCheckReason: null, lastHealth: 'ok', lastFindingCode: null, lastFindingTitle: null,
    failedLogins: 0, checksPaused: false, hasSavedPat: false, sessionConfirmedAt: null,
  };
  const otherSiteCount = { host: 'other.shotgrid.autodesk.com', loginHash: 'a'.repeat(64), count: 2, lastFailureAt: '2026-03-02T10:00:00.000Z' };
  const settings = `${JSON.stringify({ schemaVersion: 1, accounts: [saved], authFailures: [otherSiteCount] }, null, '\t')}\n`;
  await writeFile(path.join(sandbox.home, 'config.json'), settings);
  expect((await verify(works, works.passphrase!)).code).toBe(0);
  expect(await readFile(path.join(sandbox.home, 'config.json'), 'utf8')).toBe(settings);
});

it('clears the count of a refused login once it works', async () => {
  const works = account('works');
  const refused = await verify(works, 'not-the-passphrase');
  expect({ code: refused.code, failedLogins: failedLoginsOf(refused.stdout) }).toEqual({ code: 1, failedLogins: 1 });
  const verified = await verify(works, works.passphrase!);
  expect({ code: verified.code, failedLogins: failedLoginsOf(verified.stdout) }).toEqual({ code: 0, failedLogins: 0 });
  const settings = JSON.parse(await readFile(path.join(sandbox.home, 'config.json'), 'utf8')) as { authFailures: unknown[] };
  expect(settings.authFailures).toEqual([]);
});

it('reads the passphrase from a file and prints to a file, as `gridpass verify < passphrase.txt > out.json` does', async () => {
  const works = account('works');
  const files = await mkdtemp(path.join(tmpdir(), 'gridpass-typed-files-'));
  try {
    await writeFile(path.join(files, 'passphrase.txt'), `${works.passphrase!}\n`);
    const [input, output] = [await open(path.join(files, 'passphrase.txt'), 'r'), await open(path.join(files, 'out.json'), 'w')];
    const child = spawn(process.execPath, [builtCli, 'verify', '--site', site.url, '--login', works.login, '--passphrase-stdin', '--json'], {
      env: sandbox.env, stdio: [input.fd, output.fd, 'pipe'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.all([input.close(), output.close()]);
    const printed = await readFile(path.join(files, 'out.json'), 'utf8');
    expect({ code, ok: (JSON.parse(printed) as { ok: boolean }).ok, passphraseShown: printed.includes(works.passphrase!) }).toEqual({ code: 0, ok: true, passphraseShown: false });
  } finally {
    await rm(files, { recursive: true, force: true });
  }
});

it('sets a damaged settings file aside, as every command does, and still checks the login', async () => {
  const works = account('works');
  await writeFile(path.join(sandbox.home, 'config.json'), '{"schemaVersion": 1,');
  const run = await verify(works, works.passphrase!);
  expect(run.code).toBe(0);
  expect(failedLoginsOf(run.stdout)).toBe(0);
  expect((await readdir(sandbox.home)).some((file) => file.startsWith('config.json.corrupt-'))).toBe(true);
});
