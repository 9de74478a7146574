import type { LoginMethod } from '../../src/ipc/contract';

export type WizardStepId =
  | 'welcome'
  | 'site'
  | 'sign-in'
  | 'passphrase'
  | 'create-pat'
  | 'bind-pat'
  | 'no-pat'
  | 'sso'
  | 'verify'
  | 'save'
  | 'done';

/**
 * The steps for a site, in order. Identity sites need the passphrase and a bound token first;
 * sites that still use their own logins (or LDAP) go straight to checking the login; SSO sites
 * refuse passwords by design, so their path explains that before offering the check anyway.
 * Sites whose `info` says the App Session Launcher is on first offer to confirm in the browser who the
 * person is. Until a site has been found, only the first two steps are known.
 */
export function stepsFor(method: LoginMethod | null | undefined, siteKnown: boolean, launcher = false): WizardStepId[] {
  if (!siteKnown) return ['welcome', 'site'];
  const start: WizardStepId[] = launcher ? ['welcome', 'site', 'sign-in'] : ['welcome', 'site'];
  switch (method) {
    case 'oxygen':
      return [...start, 'passphrase', 'create-pat', 'bind-pat', 'verify', 'save', 'done'];
    case 'saml2':
      return [...start, 'sso', 'verify', 'save', 'done'];
    default:
      return [...start, 'no-pat', 'verify', 'save', 'done'];
  }
}

/** The most steps any site's path has; the progress total before the site is known. */
export const longestPathLength = Math.max(
  ...(['oxygen', 'saml2', null] as const).map((method) => stepsFor(method, true, true).length),
);

export const stepTitles: Record<WizardStepId, string> = {
  welcome: 'Welcome',
  site: 'Your site',
  'sign-in': 'Who you are',
  passphrase: 'Set a passphrase',
  'create-pat': 'Create a token',
  'bind-pat': 'Connect the token',
  'no-pat': 'How your site signs in',
  sso: 'Single sign-on',
  verify: 'Check your login',
  save: 'Save',
  done: 'Done',
};
