import { findingFor } from '../catalogue/catalogue';
import { findingForFailure } from '../finding-for-failure';
import type { Check } from './check';
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
    if (login === null) return skipped(facts.loginSkippedBecause ?? 'login not checked');
    const failed = target.failedLogins ?? 0;
    const details = failed > 0 ? [`Refused logins caused by Gridpass so far: ${failed} (ShotGrid locks after ${lockoutThreshold})`] : [];
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
    return skipped('the login was refused, so the account could not be read');
  },
};
