/** The built `gridpass` as a process: version, exit codes and the practice site's lifecycle. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCliOnce, builtCli, cliSandbox, projectRoot, type CliSandbox } from '../../fixtures/cli-process';

let sandbox: CliSandbox;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('process');
});

afterAll(async () => {
  await sandbox?.cleanup();
});

it('prints the package version, and keeps the keychain addon out of the main bundle', async () => {
  const pkg = JSON.parse(await readFile(`${projectRoot}/package.json`, 'utf8')) as { version: string };
  const run = await sandbox.run(['--version']);
  expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  const bundle = await readFile(builtCli, 'utf8');
  expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(bundle).not.toContain('@napi-rs/keyring');
});

it('exits 2 on a usage error, with a message and no stack trace', async () => {
  const run = await sandbox.run(['verify', '--site', 'mystudio', '--login', 'ana']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('No terminal to ask for the passphrase');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

it('runs the practice site until SIGTERM, answering as a site meanwhile, then exits 0', async () => {
  const child = spawn(process.execPath, [builtCli, 'practice-site', '--method', 'default', '--json'], { env: sandbox.env });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const summary = await new Promise<{ url: string; method: string }>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      try {
        resolve(JSON.parse(stdout) as { url: string; method: string });
      } catch {
        // Not the whole document yet.
      }
    });
    child.on('close', () => reject(new Error(`practice site exited early: ${stderr}`)));
  });
  expect(summary.method).toBe('default');
  const described = await sandbox.run(['site', summary.url, '--json']);
  expect(described.code).toBe(0);
  expect(JSON.parse(described.stdout)).toMatchObject({ site: { address: summary.url, loginMethod: 'default' } });
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
