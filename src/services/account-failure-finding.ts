import type { AccountFailure } from '../accounts/account-failure';
import { findingFor, type FindingContext, type FindingCode } from '../diagnosis/finding-catalogue';
import type { Finding } from '../diagnosis/finding';
import type { VaultFailure } from '../vault/vault';

const keychainCodes: Record<VaultFailure['kind'], FindingCode> = {
  unavailable: 'GP-KEYCHAIN-UNAVAILABLE',
  locked: 'GP-KEYCHAIN-LOCKED',
  denied: 'GP-KEYCHAIN-DENIED',
  'too-large': 'GP-KEYCHAIN-UNAVAILABLE',
  invalid: 'GP-KEYCHAIN-UNAVAILABLE',
  error: 'GP-KEYCHAIN-UNAVAILABLE',
};

/** A keychain failure as the finding a person reads, with the keychain's own advice first. */
function vaultFailureFinding(failure: VaultFailure, context: FindingContext): Finding {
  return findingFor(keychainCodes[failure.kind], context, { keychainMessage: failure.message, keychainFix: failure.fix });
}

/** Why saving or reading a saved login failed, as a finding. */
export function accountFailureFinding(failure: AccountFailure, context: FindingContext): Finding {
  switch (failure.kind) {
    case 'vault':
      return vaultFailureFinding(failure.failure, context);
    case 'settings':
      return findingFor('GP-SETTINGS-UNWRITABLE', context, { detail: failure.failure.message });
    case 'not-found':
    case 'invalid':
      return findingFor('GP-WIZARD-EXPIRED', context, { detail: failure.message });
  }
}
