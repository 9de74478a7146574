/**
 * Refusal counts for logins that are not saved are kept under a keyed hash of the login key, never
 * the typed value: until the site confirms a login, it may be the passphrase typed into the wrong
 * field. The key is random per installation and kept in the settings file, so this keeps the value
 * unreadable in the file; it does not stop someone who has the file from testing guesses.
 */
import type { GridpassSettingsFile, PendingAuthFailure } from '../settings/settings-schema';
import { loginKey, sameLogin } from './login-key';

/**
 * Node's crypto module is loaded only when a hash is made: most runs (a login with no count kept) never
 * need one, and loading it is a noticeable part of a `gridpass` command's start.
 */
const crypto = () => process.getBuiltinModule('node:crypto');

export function loginHash(key: string, login: string): string {
  return crypto().createHmac('sha256', Buffer.from(key, 'hex')).update(loginKey(login)).digest('hex');
}

/** Whether a pending entry is this login's; reading never makes a key, and hashes only for an entry of the host. */
export function pendingIs(file: GridpassSettingsFile, host: string, login: string): (entry: PendingAuthFailure) => boolean {
  let hash: string | null | undefined;
  const hashOfLogin = () => (hash ??= file.authFailureSalt === undefined ? null : loginHash(file.authFailureSalt, login));
  return (entry) =>
    entry.host === host && (entry.loginHash !== undefined ? entry.loginHash === hashOfLogin() : entry.login !== undefined && sameLogin(entry.login, login));
}

/** Before a write: makes the key if there is none and rewrites plain entries (older files) hashed. */
export function hashPendingLogins(file: GridpassSettingsFile): string {
  const key = file.authFailureSalt ?? crypto().randomBytes(32).toString('hex');
  file.authFailureSalt = key;
  file.authFailures = file.authFailures.map(({ login, ...entry }) =>
    login === undefined ? entry : { ...entry, loginHash: loginHash(key, login) },
  );
  return key;
}
