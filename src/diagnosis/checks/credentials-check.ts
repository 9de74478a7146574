import { countsAsRefusal } from '../../accounts/refusal-policy';
import type { Failure } from '../../shotgrid/failure';
import { findingForVerified } from '../catalogue/catalogue';
import { findingForFailure, refusalKnownBeforeSending } from '../finding-for-failure';
import type { Finding } from '../finding';
import type { Check, CheckContext, CheckOutcome } from './check';
import { findingContextOf, outcome, skipped, timeoutOf } from './check';

function skipReason(context: CheckContext): string | null {
  const { target, facts } = context;
  if (facts.siteInfo === null) return facts.blockedBy ?? 'site check failed';
  if (target.login === undefined || target.login === '') return 'no login given';
  return null;
}

/** Tries the login exactly once: a retry could be the tenth failure that locks the account. */
export const credentialsCheck: Check = {
  id: 'credentials',
  name: 'Login',
  gatesLaterChecks: false,
  async run(context) {
    const reason = skipReason(context);
    const { target, facts, deps } = context;
    if (reason !== null || target.site === null || target.login === undefined) {
      facts.loginSkippedBecause = reason ?? 'no login given';
      return skipped(facts.loginSkippedBecause);
    }
    // Before the passphrase is even looked at: a login known to be refused is reported without one.
    const known = refusalKnownBeforeSending(findingContextOf(context));
    if (known !== null) return withheld(context, known);
    if (target.passphrase === undefined || target.passphrase === '') {
      facts.loginSkippedBecause = target.passphraseWithheld ?? 'no passphrase given';
      return skipped(facts.loginSkippedBecause);
    }
    const credentials = target.twoFactorCode === undefined || target.twoFactorCode === ''
      ? { login: target.login, passphrase: target.passphrase }
      : { login: target.login, passphrase: target.passphrase, twoFactorCode: target.twoFactorCode };
    const result = await deps.client.verifyLogin(target.site, credentials, { timeoutMs: timeoutOf(context) });
    facts.login = result;
    if (result.ok) {
      const user = result.value;
      return outcome('pass', `Login verified as ${user.login}${user.name === null ? '' : ` (${user.name})`}`, [
        `User id: ${user.id}`,
        `Permission group: ${user.permissionGroup ?? 'not readable'}`,
        ...(target.twoFactorCode === undefined ? [] : ['Two-step verification: code accepted']),
      ], findingForVerified(findingContextOf(context)));
    }
    const base = findingContextOf(context);
    const failedLogins = (base.failedLogins ?? 0) + (countsAsRefusal(result.failure) ? 1 : 0);
    const finding = findingForFailure(result.failure, { ...base, failedLogins });
    return outcome('fail', finding.title, [`Failure: ${result.failure.kind}`, ...serverMessage(result.failure)], finding);
  },
};

/**
 * The browser sign-in already says this login would be refused: sending the passphrase could only add a
 * refusal towards the lockout. Another person's login fails here; a known account state is the account
 * check's to report, so here the login is only skipped.
 */
function withheld(context: CheckContext, known: Finding): CheckOutcome {
  const person = context.target.signedIn;
  if (known.code !== 'GP-AUTH-WRONG-LOGIN' || person === undefined) {
    context.facts.loginSkippedBecause = `not sent: ${lowerFirst(known.title)}`;
    return skipped(context.facts.loginSkippedBecause);
  }
  context.facts.loginSkippedBecause = `not sent: "${context.target.login ?? ''}" is not the signed-in person's login`;
  return outcome('fail', `Not sent: the signed-in person's login is "${person.login}", not "${context.target.login ?? ''}"`, [
    `Signed in through the browser as: ${person.login}${person.name === null ? '' : ` (${person.name})`}`,
    'The passphrase was not sent: the site would refuse it for this login, and each refusal counts towards the lockout.',
  ], known);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function serverMessage(failure: Failure): string[] {
  return 'serverMessage' in failure && failure.serverMessage !== '' ? [`Site message: ${failure.serverMessage}`] : [];
}
