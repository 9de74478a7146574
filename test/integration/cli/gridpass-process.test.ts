/** The built `gridpass` as a process: version, exit codes and the practice site's lifecycle. */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

it('prints the package version, from a launcher that loads only Node\'s own modules', async () => {
  const pkg = JSON.parse(await readFile(`${projectRoot}/package.json`, 'utf8')) as { version: string };
  const run = await sandbox.run(['--version']);
  expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  const launcher = await readFile(builtCli, 'utf8');
  expect(launcher.startsWith('#!/usr/bin/env node\n')).toBe(true);
  const modules = [...launcher.matchAll(/(?:from\s*|require\()["']([^"']+)["']/g)].map((match) => match[1]);
  expect(modules.length).toBeGreaterThan(0);
  expect(modules.every((name) => name?.startsWith('node:'))).toBe(true);
  expect(launcher).not.toContain('@napi-rs/keyring');
});

it('answers the same with its code cache missing, left by an earlier run, damaged or impossible to write', async () => {
  const cacheHome = await mkdtemp(join(tmpdir(), 'gridpass-code-cache-'));
  try {
    const env = { XDG_CACHE_HOME: cacheHome };
    const first = await sandbox.run(['help', 'site'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Usage: gridpass site');
    const cacheFiles = await readdir(join(cacheHome, 'gridpass'));
    expect(cacheFiles).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}-v[\d.]+-\w+-help\.v8$/)]);
    expect(await sandbox.run(['help', 'site'], { env })).toEqual(first);
    await writeFile(join(cacheHome, 'gridpass', cacheFiles[0]!), 'damaged');
    expect(await sandbox.run(['help', 'site'], { env })).toEqual(first);
    // A file where the cache folder should be: nothing can be written, and nothing changes.
    await writeFile(join(cacheHome, 'not-a-folder'), '');
    expect(await sandbox.run(['help', 'site'], { env: { XDG_CACHE_HOME: join(cacheHome, 'not-a-folder') } })).toEqual(first);
  } finally {
    await rm(cacheHome, { recursive: true, force: true });
  }
});

it('ends with one line and exit 3 when its bundle is missing or not a built bundle, without a stack trace', async () => {
  const install = await mkdtemp(join(tmpdir(), 'gridpass-broken-install-'));
  try {
    await copyFile(builtCli, join(install, 'gridpass.js'));
    await copyFile(join(dirname(builtCli), 'package.json'), join(install, 'package.json'));
    const launch = () => new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(install, 'gridpass.js'), 'site', 'mystudio'], { env: sandbox.env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      child.on('close', (code) => resolve({ code, stderr }));
    });
    const missing = await launch();
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^gridpass: cannot start: ENOENT: no such file or directory, open '.*gridpass-cli\.cjs'\n$/);
    // A bundle from before its module came wrapped, as a half-updated install would have.
    await writeFile(join(install, 'gridpass-cli.cjs'), 'module.exports = {};\n');
    const unwrapped = await launch();
    expect(unwrapped).toEqual({
      code: 3,
      stderr: `gridpass: cannot start: ${join(install, 'gridpass-cli.cjs')} is not a Gridpass CLI bundle; build it again (npm run build).\n`,
    });
  } finally {
    await rm(install, { recursive: true, force: true });
  }
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

/** Runs the built CLI with stdout on /dev/full, as `gridpass doctor > /dev/full` does. */
async function runIntoFullDisk(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const full = await open('/dev/full', 'w');
  try {
    const child = spawn(process.execPath, [builtCli, ...args], { env: sandbox.env, stdio: ['ignore', full.fd, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  } finally {
    await full.close();
  }
}

/** Runs the built CLI with a reader that has already gone away, as `gridpass doctor | head -c1` ends up. */
async function runIntoClosedPipe(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [builtCli, ...args], { env: sandbox.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr };
}

it('ends with one line and exit 3 when stdout is a full disk, without a stack trace', async () => {
  const run = await runIntoFullDisk(['doctor']);
  expect(run).toEqual({
    code: 3,
    stderr: 'gridpass: could not write to standard output: the disk it goes to is full (ENOSPC). Nothing more was printed.\n',
  });
});

it('ends with one line and exit 3 when the reader of stdout has gone, without a stack trace', async () => {
  const run = await runIntoClosedPipe(['doctor']);
  expect(run).toEqual({
    code: 3,
    stderr: 'gridpass: could not write to standard output: whatever was reading it stopped (EPIPE). Nothing more was printed.\n',
  });
});
