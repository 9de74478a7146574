// What the vault refuses before it ever reaches a keychain, so no keychain is needed here.
import { describe, expect, it } from 'vitest';
import { createKeychainVault, keychainServiceName } from '../../../src/vault/keychain-vault';
import type { SecretRef } from '../../../src/vault/secret-ref';

const ref: SecretRef = { kind: 'passphrase', host: 'studio.example.com', login: 'jane' };

describe('keychain vault refusals', () => {
  it('refuses an empty secret', async () => {
    const result = await createKeychainVault({ service: 'unused' }).save(ref, '');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
  });

  it('refuses a secret over the size bound and does not echo it', async () => {
    const secret = `planted-${'x'.repeat(5000)}`;
    const result = await createKeychainVault({ service: 'unused' }).save(ref, secret);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
    expect(JSON.stringify(result)).not.toContain('planted-');
    expect(JSON.stringify(result)).toContain('4096 bytes');
  });

  it('refuses a ref with no login', async () => {
    const result = await createKeychainVault({ service: 'unused' }).read({ ...ref, login: '' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid', message: expect.stringMatching(/login/) } });
  });

  it('reports a system with no supported keychain as unavailable, for every operation', async () => {
    const vault = createKeychainVault({ service: 'unused', platform: 'aix' });
    const results = [await vault.save(ref, 'secret'), await vault.read(ref), await vault.remove(ref), await vault.list()];
    for (const result of results) expect(result).toMatchObject({ ok: false, failure: { kind: 'unavailable' } });
    const selfTest = await vault.selfTest();
    expect(selfTest).toMatchObject({ ok: false, steps: [{ name: 'open', ok: false }], failure: { kind: 'unavailable' } });
  });

  it('files entries under "Gridpass" unless the environment names another service', () => {
    expect(createKeychainVault().service).toBe('Gridpass');
    expect(keychainServiceName({})).toBe('Gridpass');
    expect(keychainServiceName({ GRIDPASS_KEYCHAIN_SERVICE: 'Gridpass-staging' })).toBe('Gridpass-staging');
  });
});
