/** Turns domain records into the views the renderer may see: never a secret, only what a screen shows. */
import { lockoutThreshold, unattendedChecksFor } from '../accounts/refusal-policy';
import type { AccountView, Finding, SiteView, UserView } from '../ipc/contract';
import { helpLinks } from '../diagnosis/help-links';
import type { SavedAccount } from '../settings/settings-schema';
import type { HumanUserRecord, SiteInfo } from '../shotgrid/shotgrid-client';
import { describeLoginMethod } from '../shotgrid/login-method';
import type { SiteAddress } from '../site/site-address';

/** The finding code recorded when a saved login's passphrase could not be read back. */
const secretMissingCode = 'GP-SAVED-SECRET-MISSING';

export function toSiteView(site: SiteAddress, info: SiteInfo): SiteView {
  const method = info.loginMethod;
  return {
    url: site.origin,
    // With the port, as accounts and keychain entries name it (two practice sites differ only by port).
    host: new URL(site.origin).host,
    loginMethod: method,
    loginMethodLabel: method ? describeLoginMethod(method) : `Unknown (${info.rawLoginMethod ?? 'not stated'})`,
    version: info.version.join('.'),
    appSessionLauncher: info.appSessionLauncher,
    isPracticeSite: site.isLoopback,
    links: {
      // The Account Settings page's path is not documented; the wizard guides through the user menu.
      accountSettings: site.origin,
      forgotPassword: method === 'default' || method === 'ldap' ? `${site.origin}/user/forgot_password` : null,
      autodeskProfile: helpLinks.autodeskProfile.url,
    },
  };
}

export function toUserView(user: HumanUserRecord): UserView {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    status: user.status,
    permissionGroup: user.permissionGroup,
  };
}

/** `findingOf` rebuilds the full finding (with its steps) from the code saved with the last check. */
export function toAccountView(account: SavedAccount, findingOf: (code: string) => Finding | null = () => null): AccountView {
  return {
    id: account.id,
    site: account.site,
    host: account.host,
    login: account.login,
    displayName: account.displayName,
    loginMethod: account.loginMethod,
    health: account.lastHealth,
    lastCheckedAt: account.lastCheckedAt,
    lastCheckReason: account.lastCheckReason,
    lastFinding: account.lastFindingCode === null ? null : findingOf(account.lastFindingCode),
    failedLogins: account.failedLogins,
    lockoutThreshold,
    checksPaused: account.checksPaused,
    unattendedChecks: unattendedChecksFor(account),
    hasSavedPat: account.hasSavedPat,
    secretMissing: account.lastFindingCode === secretMissingCode,
  };
}
