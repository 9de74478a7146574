/**
 * Check a saved login: the one way the app (its schedule and Check now) and the CLI (`verify --saved`,
 * `status --check`) do it, and record what came of it.
 *
 * - The kept session first (`reject_if_expired`: no password sent); the passphrase only when there is no
 *   session or the site says it has expired, once. Fewer passphrase sends, less risk of ShotGrid's lockout.
 * - `by: 'passphrase'` when the person asks to re-check the passphrase itself (Check now,
 *   `verify --saved --recheck-passphrase`): one try of it, whatever the session says.
 * - A login paused after a refusal is left alone unless the person asks (`paused: 'retry'`), and then only
 *   its passphrase is tried: a working session says nothing about a refused passphrase, and only a verified
 *   login clears the count and the pause.
 * - A try of the passphrase is recorded under the refusal policy (record-attempt); a session check is a
 *   check only, never a refusal and never a clear.
 */
import type { AccountFailure } from '../accounts/account-failure';
import type { AccountRegistry } from '../accounts/account-registry';
import { decideAfter, type AttemptOutcome, type PassphraseReach } from '../accounts/refusal-policy';
import { accountFailureFinding } from '../diagnosis/account-failure-finding';
import type { Finding } from '../diagnosis/finding';
import { findingFor, findingForFailure, type FindingContext } from '../diagnosis/finding-catalogue';
import type { CheckReasonValue, SavedAccount } from '../settings/settings-schema';
import type { Failure } from '../shotgrid/failure';
import { callOptions, type HumanUserRecord, type ShotgridClient } from '../shotgrid/shotgrid-client';
import { siteFromOrigin } from '../site/site-address';
import { freshSession, type FreshSession } from './fresh-session';
import { recordSavedLoginTry, type RecordedAttempt, type SavedLoginTry } from './record-attempt';

export interface SavedLoginCheckRequest {
  accountId: string;
  reason: CheckReasonValue;
  /** `kept-session`: the session first, as above; `passphrase`: the person asked about the passphrase itself. */
  by: 'kept-session' | 'passphrase';
  /** `skip` a login paused after a refusal (the schedule), or `retry` it because the person asked. */
  paused: 'skip' | 'retry';
}

interface CheckSavedLoginDeps {
  client: ShotgridClient;
  registry: AccountRegistry;
  now: () => Date;
  /** The context the recorded finding is written in (the CLI and the app each know their network stack). */
  findingContext: (account: SavedAccount) => FindingContext;
  timeoutMs?: number;
  /** Called with the passphrase once it is read, so the caller can keep it out of everything it prints. */
  onPassphrase?: (passphrase: string) => void;
}

/** What the check found; `account` is the saved login after it was recorded. */
export type SavedLoginCheck =
  /** The login is no longer saved (or was forgotten while the check ran): nothing was recorded. */
  | { kind: 'forgotten' }
  /** Paused after a refusal and not asked to retry: nothing was sent. */
  | { kind: 'paused'; account: SavedAccount }
  /** The site accepted the kept session or the passphrase; `user` is null when a renewed session could not be kept. */
  | { kind: 'verified'; account: SavedAccount; by: 'session' | 'passphrase'; user: HumanUserRecord | null; recorded: RecordedAttempt | null }
  /** The site (or the way to it) said no; `passphraseSent` tells a refused passphrase from a refused session. */
  | { kind: 'failed'; account: SavedAccount; failure: Failure; passphraseSent: boolean; finding: Finding; recorded: RecordedAttempt | null }
  /** The keychain holds no passphrase for it: checks wait for the person. */
  | { kind: 'no-passphrase'; account: SavedAccount; finding: Finding; recorded: RecordedAttempt }
  /** The keychain or the settings file could not be used: nothing was sent. */
  | { kind: 'unreadable'; account: SavedAccount; failure: AccountFailure; finding: Finding };

export async function checkSavedLogin(deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest): Promise<SavedLoginCheck> {
  const account = deps.registry.get(request.accountId);
  if (account === null) return { kind: 'forgotten' };
  if (account.checksPaused && request.paused === 'skip') return { kind: 'paused', account };
  if (account.checksPaused || request.by === 'passphrase') return checkPassphrase(deps, request, account);
  return checkBySession(deps, request, account);
}

async function checkPassphrase(deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest, account: SavedAccount): Promise<SavedLoginCheck> {
  const secret = await deps.registry.readSecret(account.id, 'passphrase');
  if (!secret.ok) return unreadable(deps, request, account, secret.failure);
  if (secret.value === null) return recordTry(deps, request, account, { kind: 'secret-missing' }, null);
  deps.onPassphrase?.(secret.value);
  const result = await deps.client.verifyLogin(siteFromOrigin(account.site), { login: account.login, passphrase: secret.value }, callOptions(deps.timeoutMs));
  return result.ok ? recordTry(deps, request, account, { kind: 'verified' }, result.value) : recordTry(deps, request, account, { kind: 'failed', failure: result.failure }, null);
}

async function checkBySession(deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest, account: SavedAccount): Promise<SavedLoginCheck> {
  const result = await freshSession({
    client: deps.client, registry: deps.registry, now: deps.now, findingContext: deps.findingContext, reason: request.reason,
    ...callOptions(deps.timeoutMs), ...(deps.onPassphrase ? { onPassphrase: deps.onPassphrase } : {}),
  }, account);
  // A renewal tried the passphrase, and freshSession recorded it.
  if (result.attempt !== null) return triedOutcome(deps, account, result.attempt, result.tried, result.ok ? result.user : null);
  return sessionOutcome(deps, request, account, result);
}

/** A session check that sent no passphrase: recorded as a check, never as a refusal or a clear. */
function sessionOutcome(deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest, account: SavedAccount, result: FreshSession): SavedLoginCheck {
  if (deps.registry.get(account.id) === null) return { kind: 'forgotten' };
  if (result.ok) {
    const recorded = recordCheck(deps, request, account, 'ok', null, undefined);
    return { kind: 'verified', account: recorded, by: 'session', user: result.user, recorded: null };
  }
  const { problem } = result;
  switch (problem.kind) {
    case 'paused':
      return { kind: 'paused', account: result.account };
    case 'account':
      return unreadable(deps, request, account, problem.failure);
    case 'no-passphrase':
      return recordTry(deps, request, account, { kind: 'secret-missing' }, null);
    case 'site': {
      // The session was not accepted for another reason (the network, the site, the account's state): shown, never counted.
      const finding = findingForFailure(problem.failure, deps.findingContext(account));
      const { health } = decideAfter({ kind: 'failed', failure: problem.failure });
      const recorded = recordCheck(deps, request, account, health, finding, 'not-sent');
      return { kind: 'failed', account: recorded, failure: problem.failure, passphraseSent: false, finding, recorded: null };
    }
  }
}

/** The keychain could not be read, so nothing was sent: a returning network or a wake-up may try again. */
function unreadable(deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest, account: SavedAccount, failure: AccountFailure): SavedLoginCheck {
  if (deps.registry.get(account.id) === null) return { kind: 'forgotten' };
  const finding = accountFailureFinding(failure, deps.findingContext(account));
  return { kind: 'unreadable', account: recordCheck(deps, request, account, 'attention', finding, 'not-sent'), failure, finding };
}

function recordCheck(
  deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest, account: SavedAccount,
  health: 'ok' | 'attention' | 'failing', finding: Finding | null, reach: PassphraseReach | undefined,
): SavedAccount {
  const check = { at: deps.now(), reason: request.reason, health, finding: finding && { code: finding.code, title: finding.title }, ...(reach ? { reach } : {}) };
  const recorded = deps.registry.recordCheck(account.id, check);
  return recorded.ok ? deps.registry.get(account.id) ?? recorded.value : deps.registry.get(account.id) ?? account;
}

function recordTry(
  deps: CheckSavedLoginDeps, request: SavedLoginCheckRequest, account: SavedAccount, attempt: AttemptOutcome, user: HumanUserRecord | null,
): SavedLoginCheck {
  return triedOutcome(deps, account, attempt, recordSavedLoginTry(deps, account, request.reason, attempt), user);
}

function triedOutcome(
  deps: CheckSavedLoginDeps, account: SavedAccount, attempt: AttemptOutcome, tried: SavedLoginTry | null, user: HumanUserRecord | null,
): SavedLoginCheck {
  if (tried === null) return { kind: 'forgotten' };
  const { finding, ...recorded } = tried;
  switch (attempt.kind) {
    case 'verified':
      return { kind: 'verified', ...recorded, by: 'passphrase', user };
    case 'secret-missing':
      return { kind: 'no-passphrase', ...recorded, finding: finding ?? findingFor('GP-SAVED-SECRET-MISSING', deps.findingContext(account)) };
    case 'failed':
      return { kind: 'failed', ...recorded, failure: attempt.failure, passphraseSent: true, finding: finding ?? findingForFailure(attempt.failure, deps.findingContext(account)) };
  }
}
