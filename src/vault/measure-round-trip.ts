import { randomBytes, randomUUID } from 'node:crypto';
import { SELF_TEST_HOST } from './keychain-vault';
import type { SecretRef } from './secret-ref';
import type { Vault, VaultResult } from './vault';

/**
 * For the benchmark: milliseconds for each of `n` save + read + remove round trips of a throwaway
 * entry. Rejects with the vault's plain failure message (never a secret) if any step fails.
 */
export async function measureKeychainRoundTrip(vault: Vault, n: number): Promise<number[]> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('The number of round trips must be a whole number of at least 1.');
  const ref: SecretRef = { kind: 'passphrase', host: SELF_TEST_HOST, login: `bench-${randomUUID()}` };
  const timings: number[] = [];
  for (let i = 0; i < n; i++) {
    const secret = randomBytes(24).toString('base64url');
    const started = performance.now();
    must(await vault.save(ref, secret));
    const readBack = must(await vault.read(ref));
    must(await vault.remove(ref));
    timings.push(performance.now() - started);
    if (readBack !== secret) throw new Error('The keychain did not give back what was just saved in it.');
  }
  return timings;
}

function must<T>(result: VaultResult<T>): T {
  if (!result.ok) throw new Error(`${result.failure.message} ${result.failure.fix}`);
  return result.value;
}
