import type { LoginMethod } from '../shotgrid/login-method';
import type { SiteInfo } from '../shotgrid/shotgrid-client';

/** How tools log in with a person's user name and password on a site. */
type PasswordLogins = 'passphrase-and-pat' | 'password' | 'refused-sso' | 'unknown';

/** What a site's login method means for its people's API logins, in plain words. */
export interface SiteLoginGuide {
  passwordLogins: PasswordLogins;
  /** One sentence: how people sign in to the site. */
  summary: string;
  /** What each person must have done before a password API login works. */
  prerequisites: string[];
  /** What Gridpass will ask of them. */
  gridpassAsks: string[];
  notes: string[];
}

export function siteLoginGuide(info: SiteInfo): SiteLoginGuide {
  const guide = info.loginMethod === null ? unknownMethodGuide() : guides[info.loginMethod];
  const notes = [...guide.notes];
  if (info.appSessionLauncher) {
    notes.push('The App Session Launcher is on: desktop tools may also sign a person in through the browser instead of a password.');
  }
  return { ...guide, notes };
}

const guides: Record<LoginMethod, SiteLoginGuide> = {
  oxygen: {
    passwordLogins: 'passphrase-and-pat',
    summary: 'People sign in to the site with Autodesk Identity.',
    prerequisites: [
      'Set a legacy passphrase on their ShotGrid account (Account Settings > Legacy Login and Personal Access Token).',
      'Create a Personal Access Token (PAT) on their Autodesk profile (profile.autodesk.com > Security > Personal Access Tokens).',
      'Paste the PAT into that ShotGrid section and click Bind. No PAT, no API access with a user name and password.',
    ],
    gridpassAsks: [
      'their ShotGrid login (often their e-mail address)',
      'their legacy passphrase (not their Autodesk password)',
    ],
    notes: ['Only each person can set their passphrase and bind their PAT; an admin cannot do it for them.'],
  },
  default: {
    passwordLogins: 'password',
    summary: 'People sign in with a ShotGrid login and password.',
    prerequisites: ['Nothing extra: tools use the same login and password. No Personal Access Token is needed on this site yet.'],
    gridpassAsks: ['their ShotGrid login', 'their ShotGrid password'],
    notes: ['If the site moves to Autodesk Identity later, each person will need a legacy passphrase and a bound PAT.'],
  },
  ldap: {
    passwordLogins: 'password',
    summary: "People sign in with the studio directory (LDAP) login and password.",
    prerequisites: ['Nothing extra: tools use the same directory login and password. No Personal Access Token is needed on this site yet.'],
    gridpassAsks: ['their studio directory login', 'their studio directory password'],
    notes: ['If the site moves to Autodesk Identity later, each person will need a legacy passphrase and a bound PAT.'],
  },
  saml2: {
    passwordLogins: 'refused-sso',
    summary: 'People sign in through single sign-on (SSO).',
    prerequisites: [
      'API logins with a user name and password are refused by design on SSO sites (error 108).',
      'Tools should use a script key instead; a person may use a legacy login only if the site admin allows it.',
    ],
    gridpassAsks: ['nothing for password logins; it can check a script key (gridpass verify --script NAME --key-stdin)'],
    notes: [],
  },
};

function unknownMethodGuide(): SiteLoginGuide {
  return {
    passwordLogins: 'unknown',
    summary: 'The site did not name a login method Gridpass knows.',
    prerequisites: ['Ask the site admin how tools should log in.'],
    gridpassAsks: ['the login and password or passphrase the admin says tools should use'],
    notes: [],
  };
}
