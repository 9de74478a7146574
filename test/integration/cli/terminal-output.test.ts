/**
 * What people see in a terminal from the built `gridpass`: text wrapped to the width on word
 * boundaries, and each headline printed once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';

let sandbox: CliSandbox;
let site: PracticeSite;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('terminal');
  site = await startPracticeSite({ method: 'oxygen' });
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

function locked(): { login: string; passphrase: string } {
  const account = site.accounts.find((candidate) => candidate.scenario === 'locked');
  if (account?.passphrase == null) throw new Error('the seed has no locked account with a passphrase');
  return { login: account.login, passphrase: account.passphrase };
}

async function verifyLockedAt(columns: number): Promise<string> {
  const { login, passphrase } = locked();
  const run = await sandbox.run(['verify', '--site', site.url, '--login', login, '--passphrase-stdin'], {
    stdin: `${passphrase}\n`,
    env: { COLUMNS: String(columns) },
  });
  expect(run.code).toBe(1);
  return run.stdout;
}

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

it.each([60, 100])('wraps at %i columns between words, never inside one', async (columns) => {
  const wrapped = await verifyLockedAt(columns);
  const unwrapped = await verifyLockedAt(1000);
  for (const line of wrapped.split('\n')) {
    // Only a line holding one word (a long link) may be wider than the terminal.
    if (line.length > columns) expect(words(line)).toHaveLength(1);
  }
  expect(wrapped.split('\n').length).toBeGreaterThan(unwrapped.split('\n').length);
  expect(words(wrapped)).toEqual(words(unwrapped));
});

it('wraps at 80 columns when the width is unknown', async () => {
  const { login, passphrase } = locked();
  const run = await sandbox.run(['verify', '--site', site.url, '--login', login, '--passphrase-stdin'], { stdin: `${passphrase}\n` });
  const lines = run.stdout.split('\n');
  expect(Math.max(...lines.filter((line) => words(line).length > 1).map((line) => line.length))).toBeLessThanOrEqual(80);
  expect(lines.some((line) => line.length > 70)).toBe(true);
});

it('prints the verdict of doctor once: its finding follows without a second title', async () => {
  const { login, passphrase } = locked();
  const run = await sandbox.run(['doctor', '--site', site.url, '--login', login, '--passphrase-stdin'], { stdin: `${passphrase}\n` });
  expect(run.code).toBe(1);
  expect(run.stdout.match(/\[GP-ACCOUNT-LOCKED\]/g)).toHaveLength(1);
  expect(run.stdout).toMatch(/Result: PROBLEM {2}The account is locked/);
  expect(run.stdout).toContain('What to do:');
});
