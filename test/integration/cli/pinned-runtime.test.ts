/**
 * `gridpass` on the pinned Node.js LTS release (scripts/node-runtime.mjs), the runtime the bench
 * measures: the same built CLI, its code cache, the practice site and the real keychain's native
 * module, all on that Node.js rather than the test runner's.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountRegistry } from '../../../src/accounts/account-registry';
import type { PracticeSite } from '../../../src/practice-site';
import { pinnedForThisMachine, pinnedNodePath, pinnedNodeVersion } from '../../../scripts/node-runtime.mjs';
import type { CliSandbox } from '../../fixtures/cli-process';
import { keychainCliWithPracticeSite } from '../../fixtures/keychain-cli-suite';
import { practiceAccount } from '../../fixtures/practice-site';

describe.skipIf(!pinnedForThisMachine)(`gridpass on Node.js ${pinnedNodeVersion}`, () => {
  let sandbox: CliSandbox;
  let registry: AccountRegistry;
  let site: PracticeSite;

  const pinnedNode = () => {
    const node = pinnedNodePath();
    if (node === null) throw new Error('The pinned Node.js runtime is missing: run node scripts/node-runtime.mjs');
    return node;
  };
  keychainCliWithPracticeSite('pinned-runtime', (suite) => ({ sandbox, registry, site } = suite), { node: pinnedNode });

  const verify = (login: string, passphrase: string, env?: NodeJS.ProcessEnv) =>
    sandbox.run(['verify', '--site', site.url, '--login', login, '--passphrase-stdin', '--json'], { stdin: `${passphrase}\n`, env });

  it('checks a typed login with the same two requests, and keeps code compiled for this Node.js', async () => {
    const works = practiceAccount(site, 'works');
    const cache = await mkdtemp(path.join(tmpdir(), 'gridpass-pinned-cache-'));
    try {
      const run = await verify(works.login, works.passphrase!, { XDG_CACHE_HOME: cache });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
      expect(site.log.entries().map((entry) => entry.call)).toEqual(['info', 'read']);
      expect(await readdir(path.join(cache, 'gridpass'))).toEqual([expect.stringContaining(`-v${pinnedNodeVersion}-${process.arch}-verify.v8`)]);
      const again = await verify(works.login, works.passphrase!, { XDG_CACHE_HOME: cache });
      expect(again.code).toBe(0);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('counts a refused login, as on any other Node.js', async () => {
    const noPat = practiceAccount(site, 'no-pat');
    const run = await verify(noPat.login, noPat.passphrase!);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, results: [{ failedLogins: 1 }] });
  });

  it('hands out a saved login\'s session from the keychain (the native module loads on this Node.js)', async () => {
    const works = practiceAccount(site, 'works');
    const saved = await registry.saveVerifiedLogin({ site: site.url, login: works.login, displayName: null, loginMethod: 'oxygen', passphrase: works.passphrase! });
    expect(saved.ok).toBe(true);
    const run = await sandbox.run(['session', '--site', site.url, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'gridpass.session/1', ok: true, login: works.login });
  });
});
