import type { Vault, VaultFailure, VaultFailureKind } from '../vault/vault';
import { findingFor, type FindingCode } from './catalogue/catalogue';
import type { KeychainSelfTestResult } from './check-dependencies';
import type { FindingContext } from './finding-context';
import type { Finding } from './finding';
import { keychainFailureText } from './keychain-self-test-result';

/**
 * The one place a keychain failure becomes a finding, for the app, the diagnosis and every command.
 * Failures without a code of their own read as unavailable: the keychain's own words and fix come along.
 */
const codeFor: Record<VaultFailureKind, FindingCode> = {
  unavailable: 'GP-KEYCHAIN-UNAVAILABLE',
  locked: 'GP-KEYCHAIN-LOCKED',
  denied: 'GP-KEYCHAIN-DENIED',
  'too-large': 'GP-KEYCHAIN-UNAVAILABLE',
  invalid: 'GP-KEYCHAIN-UNAVAILABLE',
  error: 'GP-KEYCHAIN-UNAVAILABLE',
};

interface KeychainTrouble {
  kind: VaultFailureKind;
  /** The keychain in use, when the caller knows it; the finding then names it. */
  backend: string | null;
  /** Gridpass's words first and the keychain's own after (keychainFailureText). */
  message: string;
  fix: string;
}

function troubleFinding(trouble: KeychainTrouble, context: FindingContext): Finding {
  return findingFor(codeFor[trouble.kind], context, {
    ...(trouble.backend === null ? {} : { keychainBackend: trouble.backend }),
    keychainMessage: trouble.message,
    keychainFix: trouble.fix,
  });
}

/** A vault operation that failed, as the finding a person reads, the keychain's advice first. */
export function keychainFinding(vault: Pick<Vault, 'backend'> | null, failure: VaultFailure, context: FindingContext): Finding {
  return troubleFinding({ kind: failure.kind, backend: vault?.backend ?? null, message: keychainFailureText(failure), fix: failure.fix }, context);
}

/** The keychain's self-test that failed, as the same finding. */
export function keychainSelfTestFinding(result: Extract<KeychainSelfTestResult, { ok: false }>, context: FindingContext): Finding {
  return troubleFinding({ kind: result.problem ?? 'unavailable', backend: result.backend, message: result.message, fix: result.fix }, context);
}
