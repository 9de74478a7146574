import { describeLockEnd } from '../../text/lock-time';
import type { FindingContext, FindingFacts } from '../finding-context';
import { helpLinks } from '../help-links';
import { loginName, serverSaid, siteName, step, type FindingBuilder } from './wording';

/** "Locked until 14:05 (in 42 minutes)" when the person's own record said until when. */
function lockTitle(context: FindingContext, facts: FindingFacts): string {
  const end = facts.lockedUntil === undefined ? null : describeLockEnd(facts.lockedUntil, context.now ?? new Date());
  return end === null
    ? 'The account is locked after too many failed logins'
    : `The account is locked until ${end.localTime} (${end.fromNow})`;
}

export const accountFindings = {
  'GP-ACCOUNT-LOCKED': (context, facts) => ({
    severity: 'error',
    title: lockTitle(context, facts),
    explanation:
      `${siteName(context)} has locked ${loginName(context)} because of repeated failed logins (ShotGrid locks an account for ` +
      'an hour after 10). Failed logins from any tool count, not only from Gridpass. While it is locked, even the right ' +
      `password is refused.${serverSaid(facts)}`,
    cause: 'Too many failed logins: even the right passphrase is refused for now.',
    steps: [
      step('Wait one hour, then try once with the correct passphrase. Gridpass never retries by itself, so it will not extend the lock.'),
      step('If you cannot wait, ask your ShotGrid admin to clear "Locked Until" on your user (or reset your password).', helpLinks.lockedAccounts),
      step('Stop other tools that may keep trying an old password (render farm jobs, scripts, other computers) before trying again.'),
    ],
  }),
  'GP-ACCOUNT-INACTIVE': (context, facts) => ({
    severity: 'error',
    title: 'The account is not active on this site',
    explanation:
      `${loginName(context)} exists on ${siteName(context)} but is not active, so the site refuses its logins. Only a site admin ` +
      `can reactivate it.${facts.detail === undefined || facts.detail === '' ? '' : ` (${facts.detail})`}${serverSaid(facts)}`,
    cause: 'The account is switched off on this site; only a site admin can turn it back on.',
    steps: [
      step('Ask your ShotGrid admin to set your user\'s status back to Active.'),
      ...(context.loginMethod === 'oxygen'
        ? [step('On Autodesk Identity sites, the admin must do this in the site or with their own login and Personal Access Token; scripts cannot reactivate users.')]
        : []),
      step('If you are a freelancer whose booking ended, this is expected: ask the studio whether you should still have access.'),
    ],
  }),
} satisfies Record<string, FindingBuilder>;
