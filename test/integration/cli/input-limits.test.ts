/**
 * Every secret and login the built `gridpass` reads has a documented maximum length: a 60,000-character
 * passphrase or login (under the 64 KiB standard-input limit) is a usage error, exit 2, and neither
 * appears in anything printed, not even in part.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site';
import { MAX_SECRET_INPUT_LENGTH } from '../../../src/vault/secret-size';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { fragmentsOf, plantedSecret } from '../../fixtures/plant-secret';

let sandbox: CliSandbox;
let site: PracticeSite;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('limits');
  site = await startPracticeSite({ method: 'oxygen' });
});

afterAll(async () => {
  await site?.close();
  await sandbox?.cleanup();
});

/** A planted secret padded with random characters (a quote and a non-ASCII letter among them) to `length`. */
function longSecret(label: string, length: number): string {
  const start = `${plantedSecret(label)}"ü`;
  return start + randomBytes(length).toString('base64url').slice(0, length - start.length);
}

/** No 8 characters of the secret's unique part (after `planted-<label>-`, its padding included), in any case or spelling. */
function expectNoFragment(printed: string, secret: string, label: string): void {
  expect(fragmentsOf(printed, [secret.slice(`planted-${label}-`.length)])).toEqual([]);
}

it.each([
  ['verify', ['verify', '--login', 'maya.okafor@studio.example', '--passphrase-stdin']],
  ['doctor', ['doctor', '--login', 'maya.okafor@studio.example', '--passphrase-stdin']],
  ['doctor --json', ['doctor', '--login', 'maya.okafor@studio.example', '--passphrase-stdin', '--json']],
])('%s refuses a 60,000-character passphrase with a usage error, sending nothing', async (_name, args) => {
  const passphrase = longSecret('long-passphrase', 60_000);
  const before = site.log.entries().length;
  const run = await sandbox.run([...args, '--site', site.url], { stdin: `${passphrase}\n` });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`longer than ${MAX_SECRET_INPUT_LENGTH.toLocaleString('en-US')} characters`);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expectNoFragment(run.stdout + run.stderr, passphrase, 'long-passphrase');
  expect(site.log.entries().slice(before).filter((entry) => entry.authKind !== 'none')).toEqual([]);
});

it('refuses a 60,000-character script key the same way', async () => {
  const key = longSecret('long-key', 60_000);
  const run = await sandbox.run(['verify', '--site', site.url, '--script', 'gridpass-reader', '--key-stdin'], { stdin: key });
  expect(run.code).toBe(2);
  expectNoFragment(run.stdout + run.stderr, key, 'long-key');
});

it.each([['verify'], ['doctor']])('%s refuses a 60,000-character login with a usage error and does not repeat it', async (command) => {
  const login = longSecret('long-login', 60_000);
  const run = await sandbox.run([command, '--site', site.url, '--login', login, '--passphrase-stdin'], { stdin: 'whatever-passphrase\n' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('too long for a ShotGrid login');
  expectNoFragment(run.stdout + run.stderr, login, 'long-login');
});
