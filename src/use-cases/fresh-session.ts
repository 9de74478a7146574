/**
 * A working session token for a saved login, the way tools need it: the kept session first (checked with
 * `reject_if_expired`, which sends no password), and only when the site says it has expired, one swap of
 * the keychain passphrase for a new one. A login whose checks are paused never gets its passphrase sent
 * from here: ten refusals lock the account for an hour. A refused session is not a refused password, so
 * only a try of the passphrase is recorded under the refusal policy, here, as a check of `reason`.
 *
 * Nothing is sent before the keychain has answered (a paused login, or one whose passphrase is gone,
 * contacts no site), and a kept session that works costs the site one request (verify-session-token.ts).
 */
import type { AccountFailure } from '../accounts/account-failure';
import type { AccountRegistry } from '../accounts/account-registry';
import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { CheckReasonValue, SavedAccount } from '../settings/settings-schema';
import type { Failure } from '../shotgrid/failure';
import { callOptions, type HumanUserRecord, type ShotgridClient } from '../shotgrid/shotgrid-client';
import { siteFromOrigin } from '../site/site-address';
import { recordSavedLoginTry, type SavedLoginRecording, type SavedLoginTry } from './record-attempt';

export type SessionProblem =
  /** The session has expired and the login is paused after a refused passphrase: nothing was sent. */
  | { kind: 'paused' }
  /** The keychain or the settings file could not be read or written. */
  | { kind: 'account'; failure: AccountFailure }
  /** The keychain holds no passphrase to renew the session with. */
  | { kind: 'no-passphrase' }
  /** The site (or the way to it) said no, to the session or to the passphrase. */
  | { kind: 'site'; failure: Failure };

/**
 * `attempt` is the try of the passphrase, if one was made, and `tried` how it was recorded (null when
 * none was made, or the login was forgotten meanwhile).
 */
export type FreshSession =
  | { ok: true; account: SavedAccount; sessionToken: string; user: HumanUserRecord; renewed: boolean; attempt: AttemptOutcome | null; tried: SavedLoginTry | null }
  | { ok: false; account: SavedAccount; problem: SessionProblem; attempt: AttemptOutcome | null; tried: SavedLoginTry | null };

interface FreshSessionDeps extends SavedLoginRecording {
  client: ShotgridClient;
  registry: AccountRegistry;
  /** Why the session is wanted: the check a renewal is recorded as. */
  reason: CheckReasonValue;
  timeoutMs?: number;
  /** Whether the passphrase may be sent for this login now (the pause, as the refusal policy keeps it). */
  mayRenew?: (account: SavedAccount) => boolean;
  /** Called with the passphrase once it is read, so the caller can keep it out of everything it prints. */
  onPassphrase?: (passphrase: string) => void;
}

export async function freshSession(deps: FreshSessionDeps, account: SavedAccount): Promise<FreshSession> {
  const fail = (problem: SessionProblem, attempt: AttemptOutcome | null = null): FreshSession => {
    const tried = attempt === null ? null : recordSavedLoginTry(deps, account, deps.reason, attempt);
    return { ok: false, account: tried?.account ?? deps.registry.get(account.id) ?? account, problem, attempt, tried };
  };
  const kept = await deps.registry.readSecret(account.id, 'session');
  if (!kept.ok) return fail({ kind: 'account', failure: kept.failure });
  if (kept.value !== null) {
    const credentials = { login: account.login, sessionToken: kept.value };
    const checked = await deps.client.verifySessionToken(siteFromOrigin(account.site), credentials, callOptions(deps.timeoutMs));
    if (checked.ok) {
      const confirmed = deps.registry.confirmSession(account.id, deps.now());
      const current = confirmed.ok ? confirmed.value : account;
      return { ok: true, account: current, sessionToken: kept.value, user: checked.value, renewed: false, attempt: null, tried: null };
    }
    if (checked.failure.kind !== 'session-expired') return fail({ kind: 'site', failure: checked.failure });
    // A dead session is no use to a tool that reads the keychain directly.
    await deps.registry.dropSession(account.id);
  }
  return renew(deps, deps.registry.get(account.id) ?? account, fail);
}

async function renew(
  deps: FreshSessionDeps,
  account: SavedAccount,
  fail: (problem: SessionProblem, attempt?: AttemptOutcome | null) => FreshSession,
): Promise<FreshSession> {
  const mayRenew = deps.mayRenew ?? ((candidate: SavedAccount) => !candidate.checksPaused);
  if (!mayRenew(account)) return fail({ kind: 'paused' });
  const passphrase = await deps.registry.readSecret(account.id, 'passphrase');
  if (!passphrase.ok) return fail({ kind: 'account', failure: passphrase.failure });
  if (passphrase.value === null) return fail({ kind: 'no-passphrase' }, { kind: 'secret-missing' });
  deps.onPassphrase?.(passphrase.value);
  // openSession asks the site what it is first: a passphrase never goes to something that is not ShotGrid.
  const credentials = { login: account.login, passphrase: passphrase.value };
  const opened = await deps.client.openSession(siteFromOrigin(account.site), credentials, callOptions(deps.timeoutMs));
  if (!opened.ok) return fail({ kind: 'site', failure: opened.failure }, { kind: 'failed', failure: opened.failure });
  const saved = await deps.registry.saveSession(account.id, opened.value.sessionToken, deps.now());
  // The site gave a session, but tools could not find it later: say so rather than hand out a token once.
  if (!saved.ok) return fail({ kind: 'account', failure: saved.failure }, { kind: 'verified' });
  const attempt: AttemptOutcome = { kind: 'verified' };
  const tried = recordSavedLoginTry(deps, account, deps.reason, attempt);
  return { ok: true, account: tried?.account ?? saved.value, sessionToken: opened.value.sessionToken, user: opened.value.user, renewed: true, attempt, tried };
}
