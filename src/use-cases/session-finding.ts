import { accountFailureFinding } from '../diagnosis/account-failure-finding';
import type { Finding } from '../diagnosis/finding';
import { findingFor, findingForFailure, type FindingContext } from '../diagnosis/finding-catalogue';
import type { SessionProblem } from './fresh-session';

/** Why no working session could be had, as the finding a tool passes on to the person. */
export function sessionProblemFinding(problem: SessionProblem, context: FindingContext): Finding {
  switch (problem.kind) {
    case 'paused':
      return findingFor('GP-SESSION-PAUSED', context);
    case 'account':
      return accountFailureFinding(problem.failure, context);
    case 'no-passphrase':
      return findingFor('GP-SAVED-SECRET-MISSING', context);
    case 'site':
      return findingForFailure(problem.failure, context);
  }
}
