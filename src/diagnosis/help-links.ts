import type { FixLink } from './finding';

/**
 * The public pages findings link to. Main builds its openExternal allow-list from `helpLinkHosts`, so a
 * link added here is openable and a link typed anywhere else is not. Site pages (the user's own ShotGrid
 * site) are not listed: they are allowed per site.
 */
export const helpLinks = {
  /** Where an artist creates a Personal Access Token: Security -> Personal Access Tokens -> Generate. */
  autodeskProfile: {
    label: 'Autodesk profile (Personal Access Tokens)',
    url: 'https://profile.autodesk.com/',
  },
  /** Where a token is revoked: the profile's Security page lists the Personal Access Tokens. */
  autodeskTokens: {
    label: 'Autodesk profile: Security (Personal Access Tokens)',
    url: 'https://profile.autodesk.com/security',
  },
  accountSettingsHelp: {
    label: 'Autodesk help: Account settings',
    url: 'https://help.autodesk.com/view/SGSUB/ENU/?contextId=AR_ACCOUNT_SETTINGS_MIGRATED',
  },
  legacyLoginHelp: {
    label: 'Autodesk help: legacy login credentials',
    url: 'https://help.autodesk.com/view/SGSUB/ENU/?guid=SG_Migration_mi_migration_account_mi_end_user_account_html#legacy-shotgrid-login-credentials',
  },
  patSetupForum: {
    label: 'Autodesk community: how to set up a Personal Access Token',
    url: 'https://community.shotgridsoftware.com/t/12599',
  },
  twoFactorForum: {
    label: 'Autodesk community: API two-factor authentication',
    url: 'https://community.shotgridsoftware.com/t/9344',
  },
  lockedAccounts: {
    label: 'Autodesk support: locked user accounts from failed logins',
    url: 'https://support.shotgunsoftware.com/hc/en-us/articles/219031688',
  },
  unlockAccountForum: {
    label: 'Autodesk community: how to unlock an account',
    url: 'https://community.shotgridsoftware.com/t/9500',
  },
  nodeExtraCaCerts: {
    label: 'Node.js docs: NODE_EXTRA_CA_CERTS',
    url: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile',
  },
  amazonRootCertificates: {
    label: 'Amazon Trust Services root certificates',
    url: 'https://www.amazontrust.com/repository/',
  },
  autodeskStatus: {
    label: 'Autodesk Health Dashboard (service status)',
    url: 'https://health.autodesk.com/',
  },
} as const satisfies Record<string, FixLink>;

/** Hosts of every help link, for main's openExternal allow-list. */
export const helpLinkHosts: readonly string[] = [
  ...new Set(Object.values(helpLinks).map((link) => new URL(link.url).host)),
];
