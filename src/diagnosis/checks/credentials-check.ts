import { countsAsRefusal } from '../../accounts/refusal-policy';
import type { Failure } from '../../shotgrid/failure';
import { findingForVerified } from '../catalogue/catalogue';
import { findingForFailure } from '../finding-for-failure';
import type { Check, CheckContext } from './check';
import { findingContextOf, outcome, skipped, timeoutOf } from './check';

function skipReason(context: CheckContext): string | null {
  const { target, facts } = context;
  if (facts.siteInfo === null) return facts.blockedBy ?? 'site check failed';
  if (target.login === undefined || target.login === '') return 'no login given';
  if (target.passphrase === undefined || target.passphrase === '') return target.passphraseWithheld ?? 'no passphrase given';
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
    if (reason !== null || target.site === null || target.login === undefined || target.passphrase === undefined) {
      facts.loginSkippedBecause = reason ?? 'no login given';
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

function serverMessage(failure: Failure): string[] {
  return 'serverMessage' in failure && failure.serverMessage !== '' ? [`Site message: ${failure.serverMessage}`] : [];
}
