import { helpLinks } from '../help-links';
import { siteArgumentFor } from '../../site/site-address';
import type { FindingContext } from '../finding-context';
import type { FindingAction, FixStep } from '../finding';
import { lockoutSteps, loginName, serverSaid, siteLink, siteName, step, type FindingBuilder } from './wording';

function retypeStep(context: FindingContext): FixStep {
  return step(`Check the login: it must be ${loginName(context)} exactly as the site knows it. On many sites the login is your email address.`);
}

function badCredentialSteps(context: FindingContext): FixStep[] {
  switch (context.loginMethod) {
    case 'default':
      return [
        retypeStep(context),
        step('Retype the password carefully (check Caps Lock and the keyboard layout).'),
        step(
          'If you are unsure of the password, reset it from the site\'s "Forgot your password?" page.',
          context.site === null ? undefined : { label: 'Reset the ShotGrid password', url: `${context.site.origin}/user/forgot_password` },
        ),
      ];
    case 'ldap':
      return [
        retypeStep(context),
        step('This site checks your studio network (LDAP) password: use the password you sign in to studio computers with.'),
        step('If that password was changed or expired recently, ask IT to reset it.'),
      ];
    case 'saml2':
      return [
        retypeStep(context),
        step('Your site signs people in through single sign-on. A login and password only work if your admin allows legacy logins, and then it is the legacy ShotGrid password, not your SSO password.'),
        step('For tools and scripts, ask your ShotGrid admin for a script key instead.'),
      ];
    case 'oxygen':
    case null:
      return [
        retypeStep(context),
        step('Retype the passphrase carefully (check Caps Lock and the keyboard layout).'),
        step(
          'If your site has moved to Autodesk Identity, tools need your legacy passphrase (not your Autodesk ID password) and a Personal Access Token bound to your account.',
          helpLinks.legacyLoginHelp,
        ),
      ];
  }
}

/** On a site with its own passwords, the reset page; elsewhere the password is not the site's to reset. */
function badCredentialAction(context: FindingContext): { action?: FindingAction } {
  const reset = context.loginMethod === 'default' ? badCredentialSteps(context).find((fix) => fix.link !== undefined)?.link : undefined;
  return reset === undefined ? {} : { action: { kind: 'open', link: reset } };
}

/**
 * The first step of a refusal the site does not explain: when the site offers browser sign-in and the person
 * has not used it yet, it finds out which cause it is, before anything else is tried.
 */
function findOutStep(context: FindingContext): FixStep[] {
  if (context.signedIn !== undefined || context.browserSignInOffered !== true) return [];
  const how = context.networkStack === 'node' && context.site !== null
    ? `run "gridpass whoami --site ${siteArgumentFor(context.site.origin)}" and confirm in your browser who you are`
    : `confirm in your browser who you are on ${siteName(context)}`;
  return [step(`Let Gridpass find out which: ${how} (no passphrase is sent).`, undefined, 'find-out')];
}

/**
 * A refusal's one next action: finding out which cause it is, when the site can tell who the person is;
 * otherwise the site, where the passphrase and the token are set.
 */
function noPatAction(context: FindingContext): { action?: FindingAction } {
  if (findOutStep(context).length > 0) return { action: { kind: 'browser-sign-in' } };
  const link = siteLink(context);
  return link === undefined ? {} : { action: { kind: 'open', link } };
}

/** Who the browser sign-in confirmed, for the explanation of a refusal it narrowed. */
function confirmedPerson(context: FindingContext): string {
  const person = context.signedIn;
  if (person === undefined) return '';
  return `${person.name ?? person.login}, legacy login "${person.login}"`;
}

/**
 * Every cause of a refused login on an Identity site is covered, because the server does not say which one
 * it was; once the browser confirmed the login, the login is no longer one of them.
 */
function noPatSteps(context: FindingContext): FixStep[] {
  return [
    ...findOutStep(context),
    step(
      `Open ${siteName(context)} in your browser and sign in. Open your user menu (your picture or initials, top right), ` +
        'choose Account Settings, then the "Legacy Login and Personal Access Token" section.',
      siteLink(context),
    ),
    step(
      'Under Legacy Login, set a legacy passphrase if there is none, or set a new one if you are not sure of it. ' +
        'This is a separate passphrase for tools, not your Autodesk password.',
      helpLinks.accountSettingsHelp,
    ),
    step(
      'Look at the Personal Access Token status in that section. If it does not read "In good standing", create a token: ' +
        'on your Autodesk profile choose Security, then Personal Access Tokens, then Generate. Choose the product ShotGrid ' +
        '(Flow Production Tracking), give it any name and click Generate. Copy the code straight away: it is shown only once.',
      helpLinks.autodeskProfile,
    ),
    step('Back in "Legacy Login and Personal Access Token" on the site, paste the code and click Bind. The status should read "In good standing".'),
    step(
      `Try again with ${loginName(context)} and your legacy passphrase, not your Autodesk password. ` +
        'Only you can do these steps; a site admin cannot do them for you.',
    ),
    ...lockoutSteps(context),
  ];
}

export const authFindings = {
  'GP-AUTH-WRONG-LOGIN': (context, facts) => ({
    severity: 'error',
    title: `Your login on this site is "${facts.personLogin ?? 'a different one'}"`,
    explanation:
      `You confirmed in the browser that you are ${facts.personName ?? 'the signed-in person'} on ${siteName(context)}, and ` +
      `your legacy login there is "${facts.personLogin ?? 'different'}", not ${loginName(context)}. On Autodesk Identity sites ` +
      'the legacy login often stays the old one even though you sign in to Autodesk with your e-mail address.',
    cause: `You are ${facts.personName ?? 'the signed-in person'}, and the site knows you as "${facts.personLogin ?? 'a different login'}", not ${loginName(context)}.`,
    ...(facts.personLogin === undefined ? {} : { action: { kind: 'use-login', login: facts.personLogin } }),
    steps: [
      step(`Use "${facts.personLogin ?? 'your legacy login'}" as the login, with your legacy passphrase.`),
      step('Gridpass fills it in for you when you confirm in the browser; nothing else about your account needs fixing for this.'),
      ...lockoutSteps(context),
    ],
  }),
  'GP-AUTH-BAD-CREDENTIALS': (context, facts) => ({
    severity: 'error',
    title: 'The site refused the login or password',
    explanation:
      `${siteName(context)} did not accept this login and password. Usually the password has a typo, or the login is not the ` +
      `one the site uses (on many sites it is your email address).${serverSaid(facts)}`,
    cause: 'The password has a typo, or the login is not the one the site uses.',
    ...badCredentialAction(context),
    steps: [...badCredentialSteps(context), ...lockoutSteps(context)],
  }),
  'GP-AUTH-NO-PAT': (context, facts) => ({
    severity: 'error',
    title: 'Login refused: check the legacy passphrase and the Personal Access Token',
    explanation: context.signedIn !== undefined
      ? `You confirmed in the browser that you are ${confirmedPerson(context)}, and the account is active and not locked. ` +
        'So the login is right, and the site refused for one of two reasons, most likely first: the legacy passphrase is ' +
        'wrong or was never set, or no Personal Access Token is bound to your account (or the bound one was deleted). ' +
        `Your Autodesk password does not work here.${serverSaid(facts)}`
      : `${siteName(context)} uses Autodesk Identity. There, tools can log in only with your ShotGrid login and legacy passphrase, ` +
      'and only while a Personal Access Token from your Autodesk profile is bound to your account. The site refused the ' +
      'login, and it does not say why: the login or passphrase may be wrong, no legacy passphrase may be set yet, no token ' +
      `may be bound, or the bound token may have been deleted. Your Autodesk password does not work here.${serverSaid(facts)}`,
    cause: context.signedIn !== undefined
      ? 'Your login is right: the passphrase is wrong or was never set, or no token is bound.'
      : 'Wrong login or passphrase, none set yet, or no token bound.',
    ...noPatAction(context),
    steps: noPatSteps(context),
  }),
  'GP-AUTH-2FA-REQUIRED': (context) => ({
    severity: 'warning',
    title: 'The site asks for a two-step verification code',
    explanation:
      `Your account on ${siteName(context)} uses two-step verification, so the login needs the current code from your ` +
      'authenticator app as well.',
    steps: [
      step('Open your authenticator app and enter the current code for this site. A backup code works too.'),
      step('Each code works only once; Gridpass uses it a single time and does not keep it.'),
      step('About two-step verification for tools.', helpLinks.twoFactorForum),
    ],
  }),
  'GP-AUTH-2FA-REJECTED': (context, facts) => ({
    severity: 'error',
    title: 'The two-step verification code was not accepted',
    explanation:
      `${siteName(context)} refused the code. Codes change every few seconds and work only once, so a code that was already ` +
      `used, or has just expired, is refused. A wrong clock on this computer or the phone also makes codes fail.${serverSaid(facts)}`,
    cause: 'The verification code was wrong, already used or expired; your passphrase is not the problem.',
    steps: [
      step('Wait for a fresh code in your authenticator app and enter it right away.'),
      step('If you have no access to the app, use one of your backup codes (each works once).'),
      step('Check that the date and time on your phone and this computer are set automatically.'),
      ...lockoutSteps(context),
    ],
  }),
  'GP-AUTH-SSO-ONLY': (context, facts) => ({
    severity: 'warning',
    title: 'This site does not accept logins with a password from tools',
    explanation:
      `${siteName(context)} signs people in through single sign-on (SSO). By design, it refuses logins with a login and ` +
      `password from tools and scripts. Nothing is wrong with your account.${serverSaid(facts)}`,
    cause: 'This site signs people in through single sign-on, and refuses passwords from tools by design.',
    steps: [
      step('For pipeline tools and scripts, ask your ShotGrid admin for a script key: script keys keep working on SSO sites.'),
      step('If your admin allows legacy logins on this site, use your legacy ShotGrid login and password (not your SSO password).', helpLinks.legacyLoginHelp),
      step('ShotGrid Desktop and Toolkit apps can sign you in through the browser with the App Session Launcher.'),
    ],
  }),
  'GP-AUTH-SESSION-EXPIRED': (context, facts) => ({
    severity: 'warning',
    title: 'The saved session has expired',
    explanation:
      `The session saved for ${siteName(context)} is no longer valid. Sessions end after a period without use (usually about ` +
      `a day).${serverSaid(facts)}`,
    steps: [step('Log in again; Gridpass will save the new session.', siteLink(context))],
  }),
  'GP-AUTH-SUDO-REFUSED': (context, facts) => ({
    severity: 'error',
    title: `The script key cannot act as ${facts.targetLogin === undefined ? 'that user' : `"${facts.targetLogin}"`}`,
    explanation:
      `${siteName(context)} refused to let the script act on behalf of this user. The user may be inactive or unknown, or the ` +
      `script is not allowed to act as other users.${serverSaid(facts)}`,
    steps: [
      step('Check the user login the script should act as, and that this user is active on the site.'),
      step('Ask your ShotGrid admin to check the script\'s permissions (acting as other users must be allowed).'),
    ],
  }),
  'GP-AUTH-BAD-SCRIPT-KEY': (context, facts) => ({
    severity: 'error',
    title: 'The site refused the script name or script key',
    explanation:
      `${siteName(context)} did not accept this script name and key. The key may be mistyped, or the script was renamed, ` +
      `deactivated or given a new key.${serverSaid(facts)}`,
    steps: [
      step('Copy the script name and key again from the site\'s Scripts page (admins only), without spaces at either end.'),
      step('Ask your ShotGrid admin whether the script is still active and its key unchanged.'),
    ],
  }),
  'GP-AUTH-FAULT': (context, facts) => ({
    severity: 'error',
    title: `The site refused the request (error ${facts.faultCode ?? 'unknown'})`,
    explanation:
      `${siteName(context)} answered with an error Gridpass does not know.${serverSaid(facts) || ' The site gave no message.'}`,
    steps: [
      step('Read the site\'s message above; it often says what is wrong.'),
      step('If it is not clear, send the support report to your ShotGrid admin.'),
      ...lockoutSteps(context),
    ],
  }),
} satisfies Record<string, FindingBuilder>;
