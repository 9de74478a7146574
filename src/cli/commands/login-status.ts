import { siteArgumentFor } from '../../site/site-address';
import type { AccountHealthValue, SavedAccount } from '../../settings/settings-schema';

/** One saved login as `gridpass status` reports it: what was last seen, and what (if anything) fixes it. */
export interface LoginStatus {
  site: string;
  login: string;
  health: AccountHealthValue;
  lastCheckedAt: string | null;
  lastFinding: { code: string; title: string } | null;
  checksPaused: boolean;
  /** Whether the keychain holds the passphrase; null when the keychain could not be listed. */
  keychainEntry: boolean | null;
  failedLogins: number;
  needsYou: boolean;
  fix: { why: string; command: string } | null;
}

/** Findings that a fresh, typed login (with its code) fixes rather than a look at the path to the site. */
const fixedByLoggingInAgain = new Set(['GP-AUTH-2FA-REQUIRED', 'GP-AUTH-2FA-REJECTED', 'GP-SAVED-SECRET-MISSING']);

export function loginStatus(account: SavedAccount, keychainEntry: boolean | null): LoginStatus {
  const lastFinding = account.lastFindingCode === null ? null : { code: account.lastFindingCode, title: account.lastFindingTitle ?? account.lastFindingCode };
  const fix = fixFor(account, keychainEntry);
  return {
    site: account.site,
    login: account.login,
    health: account.lastHealth,
    lastCheckedAt: account.lastCheckedAt,
    lastFinding,
    checksPaused: account.checksPaused,
    keychainEntry,
    failedLogins: account.failedLogins,
    needsYou: fix !== null,
    fix,
  };
}

function fixFor(account: SavedAccount, keychainEntry: boolean | null): LoginStatus['fix'] {
  const login = loginCommandFor(account);
  if (keychainEntry === false) return { why: 'The keychain holds no passphrase for this login.', command: login };
  if (account.checksPaused) {
    return { why: 'Checks are paused after a refused passphrase: find out why, then save the right passphrase (verified once).', command: login };
  }
  if (account.lastFindingCode !== null && fixedByLoggingInAgain.has(account.lastFindingCode)) {
    return { why: 'The login needs to be entered again (scheduled checks cannot type a two-step code).', command: login };
  }
  if (account.lastHealth === 'failing' || account.lastHealth === 'attention') {
    return { why: 'The last check failed.', command: `gridpass doctor --site ${siteWord(account.site)} --login ${shellWord(account.login)}` };
  }
  return null;
}

function loginCommandFor(account: SavedAccount): string {
  return `gridpass login --site ${siteWord(account.site)} --login ${shellWord(account.login)}`;
}

function siteWord(origin: string): string {
  return shellWord(siteArgumentFor(origin));
}

/** Quoted for a POSIX shell only when it has to be, so the common case copies cleanly. */
export function shellWord(text: string): string {
  return /^[\w.@+:/=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
