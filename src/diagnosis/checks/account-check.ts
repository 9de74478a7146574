import { findingFor } from '../catalogue/catalogue';
import { findingForFailure, refusalKnownBeforeSending } from '../finding-for-failure';
import type { Check, CheckContext, CheckOutcome } from './check';
import { findingContextOf, outcome, skipped } from './check';
import { lockoutThreshold } from '../../accounts/refusal-policy';

/** Reads the account's state from the one login attempt; it never logs in again. */
export const accountCheck: Check = {
  id: 'account',
  name: 'Account state',
  gatesLaterChecks: false,
  async run(context) {
    const { facts, target } = context;
    const login = facts.login;
    const failed = target.failedLogins ?? 0;
    const details = failed > 0 ? [`Refused logins caused by Gridpass so far: ${failed} (ShotGrid locks after ${lockoutThreshold})`] : [];
    if (login === null) return fromBrowserSignIn(context, details) ?? skipped(facts.loginSkippedBecause ?? 'login not checked');
    if (login.ok) {
      const status = login.value.status;
      if (status === null) return outcome('pass', 'The site accepted the login (status not readable)', details);
      if (status === 'act') return outcome('pass', 'Active', [`Status: ${status}`, ...details]);
      const finding = findingFor('GP-ACCOUNT-INACTIVE', findingContextOf(context), { detail: `status is "${status}"` });
      return outcome('fail', `The account's status is "${status}", not active`, [`Status: ${status}`, ...details], finding);
    }
    const failure = login.failure;
    if (failure.kind === 'account-locked' || failure.kind === 'account-inactive') {
      const finding = findingForFailure(failure, findingContextOf(context));
      return outcome('fail', finding.title, details, finding);
    }
    return fromBrowserSignIn(context, details) ?? skipped('the login was refused, so the account could not be read');
  },
};

/**
 * Without a login attempt, the person's own record from the browser sign-in still tells the account's state,
 * as long as the login checked is theirs. `null` when there is no such record to go by.
 */
function fromBrowserSignIn(context: CheckContext, details: string[]): CheckOutcome | null {
  const person = context.target.signedIn;
  const typed = context.target.login?.trim().toLowerCase();
  if (person === undefined || typed === undefined || typed !== person.login.toLowerCase()) return null;
  const facts = [`From the browser sign-in: status ${person.status ?? 'not readable'}`, lockDetail(person.lockedUntilReadable, person.lockedUntil), ...details];
  const known = refusalKnownBeforeSending(findingContextOf(context));
  if (known !== null) return outcome('fail', known.title, facts, known);
  const state = [person.status === 'act' ? 'Active' : 'Status not readable', person.lockedUntilReadable ? 'not locked' : 'lock not readable'];
  return outcome('pass', `${state.join(', ')} (from the browser sign-in)`, facts);
}

function lockDetail(readable: boolean, lockedUntil: string | null): string {
  if (!readable) return 'Locked until: not readable on this site';
  return `Locked until: ${lockedUntil ?? 'not locked'}`;
}
