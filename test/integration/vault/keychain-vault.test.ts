// The vault against the real Secret Service (gnome-keyring, unlocked by scripts/run-tests.mjs).
import { AsyncEntry } from '@napi-rs/keyring';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import { measureKeychainRoundTrip } from '../../../src/vault/measure-round-trip';
import type { SecretRef } from '../../../src/vault/secret-ref';
import { removeKeychainService, requireWorkingKeychain, uniqueKeychainService } from '../../fixtures/keyring';
import { plantedSecret } from '../../fixtures/plant-secret';

const service = uniqueKeychainService('vault');
const vault = createKeychainVault({ service });
const passphrase = (host: string, login: string): SecretRef => ({ kind: 'passphrase', host, login });

const foreignEntry = () => new AsyncEntry(service, 'someone-else', { linux: { store: 'secret-service' } });

/** Five Gridpass entries over two sites, and one entry under the same service that is not Gridpass's. */
async function seed(): Promise<void> {
  const refs: SecretRef[] = [
    { kind: 'pat', host: 'b.example.com', login: 'amy' },
    { kind: 'script-key', host: 'a.example.com', login: 'ingest' },
    { kind: 'passphrase', host: 'b.example.com', login: 'amy' },
    { kind: 'passphrase', host: 'a.example.com', login: 'zed' },
    { kind: 'passphrase', host: 'a.example.com', login: 'bob' },
  ];
  for (const ref of refs) expect((await vault.save(ref, plantedSecret('seed'))).ok).toBe(true);
  await foreignEntry().setPassword('not ours');
}

beforeAll(() => requireWorkingKeychain(vault));
afterEach(async () => {
  await removeKeychainService(service);
});

describe('keychain vault on the Secret Service', () => {
  it('names its backend', () => {
    expect(vault.backend).toBe('Secret Service (GNOME Keyring / KWallet)');
    expect(vault.service).toBe(service);
  });

  it('saves, reads back, overwrites and removes a secret', async () => {
    const ref = passphrase('studio.example.com', 'jane');
    const first = plantedSecret('first');
    const second = plantedSecret('second');
    expect(await vault.read(ref)).toEqual({ ok: true, value: null });
    expect(await vault.save(ref, first)).toEqual({ ok: true, value: undefined });
    expect(await vault.read(ref)).toEqual({ ok: true, value: first });
    expect(await vault.save(ref, second)).toEqual({ ok: true, value: undefined });
    expect(await vault.read(ref)).toEqual({ ok: true, value: second });
    expect(await vault.remove(ref)).toEqual({ ok: true, value: true });
    expect(await vault.remove(ref)).toEqual({ ok: true, value: false });
    expect(await vault.read(ref)).toEqual({ ok: true, value: null });
  });

  it('keeps secrets that are long, non-ASCII or contain line breaks exactly', async () => {
    const ref: SecretRef = { kind: 'pat', host: '127.0.0.1:8443', login: 'ops:jane' };
    const secret = `${plantedSecret('odd')}\nünïcødé ✓ ${'x'.repeat(3000)}`;
    expect((await vault.save(ref, secret)).ok).toBe(true);
    expect(await vault.read(ref)).toEqual({ ok: true, value: secret });
    expect(await vault.remove(ref)).toEqual({ ok: true, value: true });
  });

  it('lists its entries sorted by host, login and kind, and ignores entries it did not write', async () => {
    await seed();
    const listed = await vault.list();
    expect(listed).toEqual({
      ok: true,
      value: [
        { kind: 'passphrase', host: 'a.example.com', login: 'bob' },
        { kind: 'script-key', host: 'a.example.com', login: 'ingest' },
        { kind: 'passphrase', host: 'a.example.com', login: 'zed' },
        { kind: 'passphrase', host: 'b.example.com', login: 'amy' },
        { kind: 'pat', host: 'b.example.com', login: 'amy' },
      ],
    });
    expect(JSON.stringify(listed)).not.toContain('planted-');
  });

  it('forgets one site, then everything, leaving entries it did not write', async () => {
    await seed();
    expect(await vault.forgetSite('A.example.com')).toEqual({ ok: true, value: 3 });
    expect(await vault.list()).toEqual({
      ok: true,
      value: [
        { kind: 'passphrase', host: 'b.example.com', login: 'amy' },
        { kind: 'pat', host: 'b.example.com', login: 'amy' },
      ],
    });
    expect(await vault.forgetAll()).toEqual({ ok: true, value: 2 });
    expect(await vault.list()).toEqual({ ok: true, value: [] });
    expect(await foreignEntry().getPassword()).toBe('not ours');
  });

  it('passes its self-test, timing each step and leaving nothing behind', async () => {
    const result = await vault.selfTest();
    expect(result).toMatchObject({ ok: true, failure: null, service, backend: vault.backend });
    expect(result.steps.map((step) => [step.name, step.ok])).toEqual([
      ['open', true],
      ['write', true],
      ['read', true],
      ['compare', true],
      ['delete', true],
    ]);
    for (const step of result.steps) expect(step.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.totalMs).toBeGreaterThanOrEqual(result.steps.reduce((sum, step) => sum + step.durationMs, 0) - 1);
    expect(await vault.list()).toEqual({ ok: true, value: [] });
  });

  it('measures save + read + remove round trips for the benchmark', async () => {
    const timings = await measureKeychainRoundTrip(vault, 3);
    expect(timings).toHaveLength(3);
    for (const ms of timings) expect(ms).toBeGreaterThan(0);
    expect(await vault.list()).toEqual({ ok: true, value: [] });
    await expect(measureKeychainRoundTrip(vault, 0)).rejects.toThrow(/at least 1/);
  });
});
