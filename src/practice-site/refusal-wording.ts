import type { Refusal } from './gatekeeper';

/**
 * The words the site refuses with, shared by API3 (`message`) and REST (`title`).
 *
 * Texts marked RECORDED were captured from a live site's REST token endpoint; API3 reuses them because no API3
 * capture exists. Texts marked OURS (locked, inactive, invalid 2FA code, expired session, a script that may not
 * sudo) are UNVERIFIED against a live site: clients must branch on the error code, never on these words.
 */
export function refusalText(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'missing-credentials':
      return 'Missing or invalid authentication arguments'; // RECORDED
    case 'sso-only':
      // python-api's text for error 108.
      return 'Authentication using username/password is not allowed for an SSO-enabled Flow Production Tracking site';
    case 'bad-user-credentials':
      return cantAuthenticateUser(refusal.login); // RECORDED
    case 'no-pat':
      return cantAuthenticateUser(refusal.login);
    case 'locked':
      // OURS
      return `Can't authenticate user '${refusal.login}': the account is locked after too many failed logins ` +
        `until ${refusal.until.toISOString()}.`;
    case 'inactive':
      return `Can't authenticate user '${refusal.login}': the account is inactive.`; // OURS
    case 'two-factor-missing':
      return 'Missing argument for 2FA login'; // RECORDED (forum 9344)
    case 'two-factor-invalid':
      return 'Invalid argument for 2FA login: the code is wrong or was already used'; // OURS
    case 'bad-script-credentials':
      return `Can't authenticate script '${refusal.scriptName}'`; // RECORDED
    case 'bad-session':
      return sessionText(refusal.tokenTail); // RECORDED
    case 'session-expired':
      return `${sessionText(refusal.tokenTail)}: the session has expired`; // OURS
    case 'sudo-refused':
      return sudoText(refusal.target, refusal.reason);
  }
}

/** python-api's text for error 110, sent when the site is switched to answer a missing PAT with 110. */
export const IDENTITY_ONLY_TEXT =
  'Authentication using username/password is not allowed for an Autodesk Identity enabled Flow Production Tracking site';

function cantAuthenticateUser(login: string): string {
  return `Can't authenticate user '${login}'.`;
}

function sessionText(tokenTail: string): string {
  return `Can't authenticate session token ending with '${tokenTail}'`;
}

function sudoText(target: string, reason: Extract<Refusal, { kind: 'sudo-refused' }>['reason']): string {
  switch (reason) {
    case 'inactive':
      return `Cannot 'sudo' - inactive user account: '${target}'`; // RECORDED
    case 'unknown':
      return `Cannot 'sudo' - unknown or retired user: '${target}'`; // RECORDED
    case 'not-impersonable':
      return `Cannot 'sudo' - user account has 'can_impersonate_this_user' turned off: '${target}'`; // RECORDED
    case 'caller-not-allowed':
      return `Cannot 'sudo' - the caller is not allowed to act as other users: '${target}'`; // OURS
    case 'person-not-allowed':
      // The opening is what python-api's own tests expect of a live site (`test_human_user_sudo_auth_fails`);
      // what follows the colon is OURS.
      return `The user does not have permission to 'sudo': '${target}'`;
  }
}
