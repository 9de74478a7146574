import type { KeychainProblem, KeychainSelfTestResult } from './check-dependencies';
import type { VaultFailure, VaultFailureKind, VaultSelfTest } from '../vault/vault';

const problemOf: Partial<Record<VaultFailureKind, KeychainProblem>> = {
  unavailable: 'unavailable',
  locked: 'locked',
  denied: 'denied',
};

/** The vault's self-test as the diagnosis's `keychain` check reads it. */
export function keychainSelfTestResult(test: VaultSelfTest): KeychainSelfTestResult {
  if (test.ok || test.failure === null) return { ok: true, backend: test.backend, durationMs: test.totalMs };
  const { failure } = test;
  const message = keychainFailureText(failure);
  const problem = problemOf[failure.kind];
  return problem === undefined
    ? { ok: false, backend: test.backend, message, fix: failure.fix }
    : { ok: false, backend: test.backend, message, fix: failure.fix, problem };
}

/** The keychain module itself would not load (a missing native part): the keychain cannot be used at all. */
export function keychainLoadFailure(backend: string, error: unknown): KeychainSelfTestResult {
  const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
  return {
    ok: false,
    backend,
    problem: 'unavailable',
    message: `Gridpass could not load its keychain support (${reason}).`,
    fix: 'Reinstall Gridpass for this operating system and processor; until then logins can be verified but not saved.',
  };
}

/** What the keychain said, in Gridpass's words first and the keychain's own after: the same in every finding. */
export function keychainFailureText(failure: Pick<VaultFailure, 'message' | 'detail'>): string {
  return failure.detail === null ? failure.message : `${failure.message} (${failure.detail})`;
}
