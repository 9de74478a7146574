/**
 * A working session token for a saved login, the way tools need it: the kept session first (checked with
 * `reject_if_expired`, which costs no password), and only when the site says it has expired, one swap of
 * the keychain passphrase for a new one. A login whose checks are paused after a refusal never gets its
 * passphrase sent from here: ten refusals lock the account for an hour.
 */
import type { AccountFailure } from '../accounts/account-failure';
import type { AccountRegistry } from '../accounts/account-registry';
import type { SavedAccount } from '../settings/settings-schema';
import type { Failure } from '../shotgrid/failure';
import type { HumanUserRecord, ShotgridClient } from '../shotgrid/shotgrid-client';
import { siteFromOrigin } from '../site/site-address';

export type SessionProblem =
  /** The session has expired and the login is paused after a refused passphrase: nothing was sent. */
  | { kind: 'paused' }
  /** The keychain or the settings file could not be read or written. */
  | { kind: 'account'; failure: AccountFailure }
  /** The keychain holds no passphrase to renew the session with. */
  | { kind: 'no-passphrase' }
  /** The site (or the way to it) said no. `passphraseSent`: the refusal may count towards the lockout. */
  | { kind: 'site'; failure: Failure; passphraseSent: boolean };

export type FreshSession =
  | { ok: true; account: SavedAccount; sessionToken: string; user: HumanUserRecord; renewed: boolean }
  | { ok: false; account: SavedAccount; problem: SessionProblem };

export interface FreshSessionDeps {
  client: ShotgridClient;
  registry: AccountRegistry;
  now: () => Date;
  timeoutMs?: number;
  /** Called with the passphrase once it is read, so the caller can keep it out of everything it prints. */
  onPassphrase?: (passphrase: string) => void;
}

export async function freshSession(deps: FreshSessionDeps, account: SavedAccount): Promise<FreshSession> {
  const fail = (problem: SessionProblem): FreshSession => ({ ok: false, account: deps.registry.get(account.id) ?? account, problem });
  const site = siteFromOrigin(account.site);
  const options = deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs };

  const kept = await deps.registry.readSecret(account.id, 'session');
  if (!kept.ok) return fail({ kind: 'account', failure: kept.failure });
  if (kept.value !== null) {
    const checked = await deps.client.verifySessionToken(site, { login: account.login, sessionToken: kept.value }, options);
    if (checked.ok) {
      const confirmed = deps.registry.confirmSession(account.id, deps.now());
      return { ok: true, account: confirmed.ok ? confirmed.value : account, sessionToken: kept.value, user: checked.value, renewed: false };
    }
    if (checked.failure.kind !== 'session-expired') return fail({ kind: 'site', failure: checked.failure, passphraseSent: false });
    // A dead session is no use to any tool that reads the keychain directly.
    await deps.registry.dropSession(account.id);
  }

  if (account.checksPaused) return fail({ kind: 'paused' });
  const passphrase = await deps.registry.readSecret(account.id, 'passphrase');
  if (!passphrase.ok) return fail({ kind: 'account', failure: passphrase.failure });
  if (passphrase.value === null) return fail({ kind: 'no-passphrase' });
  deps.onPassphrase?.(passphrase.value);
  const opened = await deps.client.openSession(site, { login: account.login, passphrase: passphrase.value }, options);
  if (!opened.ok) return fail({ kind: 'site', failure: opened.failure, passphraseSent: true });
  const saved = await deps.registry.saveSession(account.id, opened.value.sessionToken, deps.now());
  // The site gave a session, but tools could not find it later: say so rather than hand out a token once.
  if (!saved.ok) return fail({ kind: 'account', failure: saved.failure });
  return { ok: true, account: saved.value, sessionToken: opened.value.sessionToken, user: opened.value.user, renewed: true };
}
