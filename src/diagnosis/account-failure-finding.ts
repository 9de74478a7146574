import type { AccountFailure } from '../accounts/account-failure';
import { findingFor, type FindingContext } from './finding-catalogue';
import { keychainFinding } from './keychain-finding';
import type { Finding } from './finding';

/** Why saving or reading a saved login failed, as a finding. */
export function accountFailureFinding(failure: AccountFailure, context: FindingContext): Finding {
  switch (failure.kind) {
    case 'vault':
      return keychainFinding(null, failure.failure, context);
    case 'settings':
      return findingFor('GP-SETTINGS-UNWRITABLE', context, { detail: failure.failure.message });
    case 'not-found':
    case 'invalid':
      return findingFor('GP-WIZARD-EXPIRED', context, { detail: failure.message });
  }
}
