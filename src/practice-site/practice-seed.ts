import type { LoginMethod } from '../shotgrid/login-method';

/**
 * Every account and script the practice site starts with, and their practice credentials.
 *
 * These passphrases, script keys and 2FA codes are PUBLIC PRACTICE VALUES, printed in the site's banner and
 * served by `GET /__practice/accounts`: they open nothing but a simulated site on this machine. They live
 * here, in one place, so tests and training material can name them and nothing else invents its own.
 */

/** Why an account is on the practice site: the situation it lets someone rehearse. */
export type AccountScenario =
  | 'works'
  | 'works-legacy-login'
  | 'legacy-login-differs'
  | 'no-pat'
  | 'no-passphrase'
  | 'two-factor'
  | 'locked'
  | 'inactive'
  | 'sudo-target'
  | 'sudo-not-allowed'
  | 'retired'
  | 'admin';

type PermissionGroup = 'Admin' | 'Manager' | 'Artist';

interface TwoFactorSeed {
  /** Authenticator-app codes. Each works once per site instance, in any order. */
  codes: readonly string[];
  /** Backup codes, also single-use. */
  backupCodes: readonly string[];
}

export interface PracticeAccountSeed {
  id: number;
  login: string;
  email: string;
  firstname: string;
  lastname: string;
  scenario: AccountScenario;
  /** The legacy passphrase (on `default`/`ldap` sites: the site password). `null` = never set. */
  passphrase: string | null;
  /** Whether a Personal Access Token is bound. Only `oxygen` sites look at it. */
  patBound: boolean;
  status: 'act' | 'dis';
  retired: boolean;
  permissionGroup: PermissionGroup;
  /** `HumanUser.can_impersonate_this_user`: may a script `sudo_as_login` to this person. */
  canBeImpersonated: boolean;
  twoFactor: TwoFactorSeed | null;
  /** Starts locked, as if ten failed logins had just happened: `locked_until` = site start + 1 h. */
  startsLocked: boolean;
  notes: string;
}

export interface PracticeScriptSeed {
  id: number;
  /** The ApiUser's script name (`firstname`), sent as `script_name` / `client_id`. */
  name: string;
  key: string;
  /** Whether this script may use `sudo_as_login`. */
  canSudo: boolean;
  description: string;
  notes: string;
}

interface PracticeSeed {
  accounts: readonly PracticeAccountSeed[];
  scripts: readonly PracticeScriptSeed[];
}

/** The e-mail domain of the practice studio: `.example` is reserved, so no real mailbox is ever named. */
export const PRACTICE_EMAIL_DOMAIN = 'studio.example';

interface Person {
  id: number;
  /** The login on sites that never migrated: a short studio user name. */
  shortLogin: string;
  firstname: string;
  lastname: string;
  scenario: AccountScenario;
  passphrase: string | null;
  patBound: boolean;
  status?: 'dis';
  retired?: boolean;
  permissionGroup?: PermissionGroup;
  canBeImpersonated?: boolean;
  twoFactor?: TwoFactorSeed;
  startsLocked?: boolean;
  /** Which sites carry this person; all by default. */
  onlyOn?: readonly LoginMethod[];
  /** Keeps the short login even on an Identity site (migrated people usually get their e-mail). */
  keepsShortLogin?: boolean;
  notes: string;
  /** The notes on an SSO site, where nobody has a site password. */
  ssoNotes?: string;
}

/** The 2FA codes of the `two-factor` account. */
export const PRACTICE_TWO_FACTOR: TwoFactorSeed = {
  codes: ['246810', '135791', '112358', '314159', '271828'],
  backupCodes: ['40718256', '93045127'],
};

const PEOPLE: readonly Person[] = [
  {
    id: 101, shortLogin: 'mokafor', firstname: 'Maya', lastname: 'Okafor', scenario: 'works',
    passphrase: 'copper-lantern-42', patBound: true,
    notes: 'Everything set up: legacy passphrase set and a PAT bound ("In good standing").',
    ssoNotes: 'Signs in through SSO (browser or App Session Launcher); password logins are refused with 108.',
  },
  {
    id: 102, shortLogin: 'mkowalski', firstname: 'Marta', lastname: 'Kowalski', scenario: 'works-legacy-login',
    passphrase: 'quiet-harbor-17', patBound: true, keepsShortLogin: true, onlyOn: ['oxygen'],
    notes: 'Works, but the login is the old short name, not the e-mail: typing the e-mail fails (102).',
  },
  {
    id: 103, shortLogin: 'jberg', firstname: 'Jonas', lastname: 'Berg', scenario: 'no-pat',
    passphrase: 'granite-meadow-08', patBound: false, onlyOn: ['oxygen'],
    notes: 'Passphrase set, but no Personal Access Token bound: the right passphrase is still refused.',
  },
  {
    id: 104, shortLogin: 'pnair', firstname: 'Priya', lastname: 'Nair', scenario: 'no-passphrase',
    passphrase: null, patBound: false, onlyOn: ['oxygen'],
    notes: 'New Identity user: no legacy passphrase and no PAT yet; every password is refused.',
  },
  {
    id: 105, shortLogin: 'lmoreau', firstname: 'Lucas', lastname: 'Moreau', scenario: 'two-factor',
    passphrase: 'silver-comet-63', patBound: true, twoFactor: PRACTICE_TWO_FACTOR,
    onlyOn: ['oxygen', 'default', 'ldap'],
    notes: 'Two-factor authentication on: send a code with the passphrase (106 without one). Codes are single-use.',
  },
  {
    id: 106, shortLogin: 'srossi', firstname: 'Sofia', lastname: 'Rossi', scenario: 'locked',
    passphrase: 'amber-falcon-29', patBound: true, startsLocked: true, onlyOn: ['oxygen', 'default', 'ldap'],
    notes: 'Locked for the first hour after the site starts (locked_until), as after ten failed logins.',
  },
  {
    id: 107, shortLogin: 'tkeller', firstname: 'Tom', lastname: 'Keller', scenario: 'inactive',
    passphrase: 'velvet-canyon-55', patBound: true, status: 'dis',
    notes: 'Deactivated by an admin (sg_status_list "dis"): refused even with the right passphrase.',
    ssoNotes: 'Deactivated by an admin (sg_status_list "dis"): cannot sign in, and sudo_as_login to it is refused.',
  },
  {
    id: 108, shortLogin: 'rtanaka', firstname: 'Rin', lastname: 'Tanaka', scenario: 'sudo-target',
    passphrase: null, patBound: false,
    notes: 'Never logs in to the API; the publisher script acts as this person with sudo_as_login (no PAT needed).',
  },
  {
    id: 109, shortLogin: 'ohaddad', firstname: 'Omar', lastname: 'Haddad', scenario: 'sudo-not-allowed',
    passphrase: null, patBound: false, canBeImpersonated: false,
    notes: '"Can impersonate this user" is off: sudo_as_login to this person is refused.',
  },
  {
    id: 110, shortLogin: 'slee', firstname: 'Sam', lastname: 'Lee', scenario: 'retired',
    passphrase: 'paper-willow-90', patBound: true, retired: true,
    notes: 'Deleted (retired) account: unknown to logins, returned only by read with return_only "retired".',
  },
  {
    id: 111, shortLogin: 'epetrova', firstname: 'Elena', lastname: 'Petrova', scenario: 'admin',
    passphrase: 'harbor-signal-71', patBound: true, permissionGroup: 'Admin',
    notes: 'Site admin with a PAT bound; may use sudo_as_login.',
    ssoNotes: 'Site admin; signs in through SSO and may use sudo_as_login.',
  },
  {
    id: 112, shortLogin: 'jdoe', firstname: 'Jane', lastname: 'Doe', scenario: 'legacy-login-differs',
    passphrase: 'cedar-lighthouse-36', patBound: true, keepsShortLogin: true,
    notes: 'Signs in to Autodesk with jane.doe@studio.example, but the legacy login is jdoe: typing the e-mail fails (102); ' +
      'browser sign-in (App Session Launcher) tells who she is.',
  },
];

const SCRIPTS: readonly PracticeScriptSeed[] = [
  {
    id: 201, name: 'gridpass-reader', key: 'prc7reader0f3a9c2e1b5d8a4', canSudo: false,
    description: 'Reads the schedule for the render farm dashboards.',
    notes: 'Working script key; not allowed to use sudo_as_login.',
  },
  {
    id: 202, name: 'gridpass-publisher', key: 'prc7publisher9b2e6d1c4f70', canSudo: true,
    description: 'Publishes versions on behalf of artists.',
    notes: 'Working script key; may act as people with sudo_as_login.',
  },
];

/** The accounts and scripts of a practice site that logs people in with `method`. */
export function practiceSeed(method: LoginMethod): PracticeSeed {
  const accounts = PEOPLE.filter((person) => isOnSite(person, method)).map((person) => toAccount(person, method));
  return { accounts, scripts: SCRIPTS };
}

function isOnSite(person: Person, method: LoginMethod): boolean {
  if (person.onlyOn) return person.onlyOn.includes(method);
  return true;
}

function toAccount(person: Person, method: LoginMethod): PracticeAccountSeed {
  const email = `${person.firstname}.${person.lastname}@${PRACTICE_EMAIL_DOMAIN}`.toLowerCase();
  const identitySite = method === 'oxygen';
  // SSO sites keep no site password at all: people sign in through the identity provider.
  const passphrase = method === 'saml2' ? null : person.passphrase;
  return {
    id: person.id,
    login: identitySite && !person.keepsShortLogin ? email : person.shortLogin,
    email,
    firstname: person.firstname,
    lastname: person.lastname,
    scenario: person.scenario,
    passphrase,
    patBound: person.patBound,
    status: person.status ?? 'act',
    retired: person.retired ?? false,
    permissionGroup: person.permissionGroup ?? 'Artist',
    canBeImpersonated: person.canBeImpersonated ?? true,
    twoFactor: person.twoFactor ?? null,
    startsLocked: person.startsLocked ?? false,
    notes: method === 'saml2' ? person.ssoNotes ?? person.notes : person.notes,
  };
}
