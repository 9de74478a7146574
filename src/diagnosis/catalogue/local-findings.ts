import type { FixStep } from '../finding';
import type { FindingContext, FindingFacts } from '../finding-context';
import { formatSkew, quote, siteName, step, type FindingBuilder } from './wording';

function keychainName(context: FindingContext, facts: FindingFacts): string {
  switch (context.platform) {
    case 'darwin':
      return 'the macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    case 'linux':
      return 'the Secret Service keyring (GNOME Keyring or KWallet)';
    default:
      return facts.keychainBackend ?? 'the system keychain';
  }
}

/** The self-test knows the exact backend error; its own advice goes first. */
function selfTestFix(facts: FindingFacts): FixStep[] {
  return facts.keychainFix === undefined || facts.keychainFix === '' ? [] : [step(facts.keychainFix)];
}

function withMessage(facts: FindingFacts): string {
  return facts.keychainMessage === undefined || facts.keychainMessage === '' ? '' : ` The keychain said: ${quote(facts.keychainMessage)}.`;
}

function unavailableSteps(context: FindingContext): FixStep[] {
  switch (context.platform) {
    case 'linux':
      return [
        step('Install a Secret Service keyring: on GNOME-based desktops the "gnome-keyring" package, on KDE "kwalletmanager" with the Secret Service enabled.'),
        step('Log out and back in so the keyring starts with your desktop session. Over SSH or in a container there is no keyring unless one is started.'),
      ];
    case 'win32':
      return [step('Check that the "Credential Manager" service is running (Services app); ask IT if a policy disables it.')];
    case 'darwin':
      return [step('Open Keychain Access and check that a "login" keychain exists; if not, ask IT.')];
    default:
      return [step('Ask IT to make the system keychain available for your account.')];
  }
}

const stillVerify = step('You can still verify your login now; Gridpass just cannot remember the passphrase until the keychain works. It never falls back to a plain file.');

export const localFindings = {
  'GP-KEYCHAIN-UNAVAILABLE': (context, facts) => ({
    severity: 'error',
    title: 'The keychain Gridpass keeps passphrases in is not available',
    explanation:
      `Gridpass stores passphrases only in ${keychainName(context, facts)}, and it could not be reached on this computer.${withMessage(facts)}`,
    // The keychain's own advice is the more precise; the general steps are for when there is none.
    steps: [...(selfTestFix(facts).length > 0 ? selfTestFix(facts) : unavailableSteps(context)), stillVerify],
  }),
  'GP-KEYCHAIN-LOCKED': (context, facts) => ({
    severity: 'error',
    title: 'The keychain is locked',
    explanation: `${keychainName(context, facts)} is locked, so Gridpass can neither read nor save the passphrase.${withMessage(facts)}`,
    steps: [
      ...selfTestFix(facts),
      step(
        context.platform === 'linux'
          ? 'Unlock the "Login" keyring (for example in the Passwords and Keys app), then try again.'
          : context.platform === 'darwin'
            ? 'Open Keychain Access and unlock the "login" keychain with your computer password, then try again.'
            : 'Unlock the keychain with your computer password, then try again.',
      ),
      stillVerify,
    ],
  }),
  'GP-KEYCHAIN-DENIED': (context, facts) => ({
    severity: 'error',
    title: 'Gridpass was not allowed to use the keychain',
    explanation: `${keychainName(context, facts)} refused Gridpass access.${withMessage(facts)}`,
    steps: [
      ...selfTestFix(facts),
      step(
        context.platform === 'darwin'
          ? 'Try again, and when macOS asks whether Gridpass may use the keychain, click "Always Allow".'
          : 'Try again and allow Gridpass when the system asks; if nothing asks, ask IT whether a policy blocks keychain access.',
      ),
      stillVerify,
    ],
  }),
  'GP-CLOCK-SKEW': (context, facts) => {
    const seconds = Math.abs(facts.skewSeconds ?? 0);
    const amount = formatSkew(seconds);
    return {
      severity: seconds > 300 ? 'error' : 'warning',
      title: `This computer's clock is ${amount} off`,
      explanation:
        `The clock here differs from ${siteName(context)}'s by ${amount}. Two-step verification codes and secure connections ` +
        'depend on the right time, so a wrong clock makes them fail.',
      steps: [
        step('Turn on "Set time automatically" in the date and time settings, and check the time zone.'),
        step('If the setting is locked, ask IT to fix the computer\'s time synchronisation.'),
      ],
    };
  },
  'GP-ENV-TLS-OVERRIDE': (_context, facts) => ({
    severity: 'warning',
    title: 'A setting on this computer asks programs to skip certificate checks',
    explanation:
      `The environment sets ${facts.detail ?? 'a variable'}, which tells Node.js programs to accept any certificate. Gridpass ignores ` +
      'it and always checks certificates, but other tools on this computer may obey it, and whoever set it was probably working ' +
      'around a proxy that inspects secure traffic.',
    steps: [
      step(`Remove ${facts.detail ?? 'the setting'} from your shell profile, the environment of the job, or the system settings.`),
      step('If a company proxy inspects secure traffic, ask IT for its root certificate and point NODE_EXTRA_CA_CERTS at the file instead.'),
    ],
  }),
  'GP-METHOD-UNKNOWN': (context, facts) => ({
    severity: 'warning',
    title: 'The site uses a login method Gridpass does not know',
    explanation:
      `${siteName(context)} reports its login method as ${facts.rawLoginMethod === null || facts.rawLoginMethod === undefined ? 'nothing' : quote(facts.rawLoginMethod)}, ` +
      'which is not one of the methods Gridpass knows (ShotGrid login, LDAP, single sign-on, Autodesk Identity). Gridpass can ' +
      'still check a login, but cannot tailor the advice.',
    steps: [
      step('Ask your ShotGrid admin how tools should log in to this site.'),
      step('Send the support report to your Gridpass support contact so the method can be added.'),
    ],
  }),
  'GP-INPUT-SITE': (_context, facts) => ({
    severity: 'error',
    title: 'That is not a usable site address',
    explanation: facts.inputMessage ?? 'The site address could not be read.',
    steps: [
      step('Enter the address of your ShotGrid site, for example https://yourstudio.shotgrid.autodesk.com.'),
      step('Copy it from your browser\'s address bar while signed in to the site, and leave out anything after the name.'),
    ],
  }),
  'GP-INPUT-LOGIN': (_context, facts) => ({
    severity: 'error',
    title: 'Check the ShotGrid login and legacy passphrase you entered',
    explanation: `${facts.inputMessage ? `${facts.inputMessage} ` : ''}Gridpass did not send it: the site would count it as a failed login, and ShotGrid locks an account after 10 of them.`,
    steps: [
      step('Type your ShotGrid login (on Autodesk Identity sites this is usually your email address).'),
      step('Type the legacy passphrase you set in ShotGrid\'s Account Settings, not your Autodesk ID password.'),
    ],
  }),
  'GP-WIZARD-EXPIRED': () => ({
    severity: 'warning',
    title: 'That step timed out; please check your login again',
    explanation: 'Gridpass keeps a checked login in memory only for a few minutes, so the passphrase does not linger. This one has expired or was already used.',
    steps: [step('Go back to "Check your login" and enter your passphrase again.')],
  }),
  'GP-SETTINGS-UNWRITABLE': (_context, facts) => ({
    severity: 'error',
    title: 'Gridpass could not write its settings file',
    explanation: `The login was checked, but its details could not be written to the settings file.${facts.detail ? ` ${facts.detail}` : ''}`,
    steps: [
      step('Check that your user folder has free space and is not read-only, then try again.'),
      step('If it keeps failing, run the Diagnose screen and send the report to support.'),
    ],
  }),
  'GP-SAVED-SECRET-MISSING': (context) => ({
    severity: 'error',
    title: 'The saved passphrase is no longer in the keychain',
    explanation: `Gridpass has this login on file, but ${keychainName(context, {})} no longer holds its passphrase (it may have been deleted, or the keychain was reset).`,
    steps: [
      step('Run the setup again for this login: check it with your legacy passphrase and save it.'),
      step('If this keeps happening, run the Diagnose screen; its keychain check tests saving and reading a throwaway entry.'),
    ],
  }),
  'GP-CHECK-ERROR': (_context, facts) => ({
    severity: 'error',
    title: 'A check could not run',
    explanation:
      `Gridpass hit an unexpected problem while running this check${facts.detail === undefined ? '' : `: ${quote(facts.detail)}`}. ` +
      'This is a problem in Gridpass, not with your account.',
    steps: [step('Send the support report to your Gridpass support contact.')],
  }),
  'GP-OK': (context) => ({
    severity: 'info',
    title: context.credential === 'script-key' ? 'The script key works' : 'The login works',
    explanation: `${siteName(context)} accepted the ${context.credential === 'script-key' ? 'script key' : 'login'}: tools using it can reach the ShotGrid API.`,
    steps: [],
  }),
  'GP-SITE-REACHABLE': (context) => ({
    severity: 'info',
    title: 'The site is reachable; no login was checked',
    explanation: `${siteName(context)} answers like a ShotGrid site. No passphrase was given, so the login itself was not tried.`,
    steps: [step('To check a login too, run the diagnosis again with the login and passphrase.')],
  }),
} satisfies Record<string, FindingBuilder>;
