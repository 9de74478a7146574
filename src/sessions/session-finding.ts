import type { Finding } from '../diagnosis/finding';
import { findingFor, findingForFailure, type FindingContext } from '../diagnosis/finding-catalogue';
import { accountFailureFinding } from '../services/account-failure-finding';
import { secretMissingCode } from '../services/views';
import type { SessionProblem } from './fresh-session';

/** Why no working session could be had, as the finding a tool passes on to the person. */
export function sessionProblemFinding(problem: SessionProblem, context: FindingContext): Finding {
  switch (problem.kind) {
    case 'paused':
      return findingFor('GP-SESSION-PAUSED', context);
    case 'account':
      return accountFailureFinding(problem.failure, context);
    case 'no-passphrase':
      return findingFor(secretMissingCode, context);
    case 'site':
      return findingForFailure(problem.failure, context);
  }
}
