// A build whose native keychain module is missing (an installer for another processor): the vault is
// bundled on its own into a folder with no node_modules, run in a child process, and must report the
// keychain as unavailable instead of failing to load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { leakedFragments, plantedSecret } from '../../fixtures/plant-secret';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-nomodule-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('a keychain vault without its native module', () => {
  it('still loads, and every operation says the keychain support is missing', async () => {
    const secret = plantedSecret('nomodule');
    const entry = path.join(scratch, 'probe.ts');
    fs.writeFileSync(entry, [
      `import { createKeychainVault } from ${JSON.stringify(path.resolve('src/vault/keychain-vault.ts'))};`,
      "const vault = createKeychainVault({ service: 'Gridpass-test-nomodule' });",
      `const saved = await vault.save({ kind: 'passphrase', host: 'studio.example.com', login: 'jane' }, ${JSON.stringify(secret)});`,
      'const test = await vault.selfTest();',
      'process.stdout.write(JSON.stringify({ saved, test }));',
    ].join('\n'));
    const outfile = path.join(scratch, 'probe.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', external: ['@napi-rs/keyring'], outfile, logLevel: 'silent' });

    const run = spawnSync(process.execPath, [outfile], { cwd: scratch, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const { saved, test } = JSON.parse(run.stdout) as { saved: { ok: boolean; failure: { kind: string; message: string } }; test: { ok: boolean } };
    expect(saved).toMatchObject({ ok: false, failure: { kind: 'unavailable', message: expect.stringContaining('could not load its keychain support') } });
    expect(test.ok).toBe(false);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(leakedFragments(run.stdout + run.stderr, [secret])).toEqual([]);
    expect(run.stderr).toBe('');
  });
});
