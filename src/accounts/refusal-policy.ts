/**
 * The one place that decides what a login attempt's outcome means for ShotGrid's lockout: whether it
 * counts as a refusal, whether unattended checks of that login stop until the person acts, what
 * clears a pause, and whether the passphrase may have reached the site. The app's service, its
 * scheduled checks, the diagnosis and every `gridpass` command ask here, so `gridpass verify --saved`
 * and the tray behave the same.
 */
import type { Failure } from '../shotgrid/failure';
import { lockoutThreshold, namesALock } from '../shotgrid/lockout';

export { lockoutThreshold };

/** What came of one try of a login, as far as the lockout is concerned. */
export type AttemptOutcome =
  | { kind: 'verified' }
  /** The saved passphrase is gone from the keychain: nothing was sent, and nothing can be until the person saves it again. */
  | { kind: 'secret-missing' }
  | { kind: 'failed'; failure: Failure };

/**
 * Whether the passphrase reached the site: `not-sent` when the attempt failed before any byte of it
 * could leave (no name, no connection, no trusted TLS), `answered` when the site replied to it, and
 * `unknown` when it may have arrived but no answer says what the site made of it.
 */
export type PassphraseReach = 'not-sent' | 'answered' | 'unknown';

/**
 * How unattended checks treat the login afterwards:
 * - `paused`: none until the person acts (only a verified login resumes them);
 * - `next-interval`: the schedule only; wake-up and network events do not check it;
 * - `on-event`: the schedule, and at most one check per interval when the network returns or the computer wakes;
 * - `soon-on-event`: as `on-event`, without the ten-minute gap, because the last try never reached the site.
 */
export type UnattendedChecks = 'paused' | 'next-interval' | 'on-event' | 'soon-on-event';

export interface RefusalDecision {
  /** Counts towards ShotGrid's lockout: Gridpass adds one to the login's refusal count. */
  counts: boolean;
  /** Stops scheduled checks (and diagnoses of the saved login) until the person acts. */
  pauses: boolean;
  /** Sets the refusal count back to 0 and lifts the pause: only a verified login does. */
  clears: boolean;
  reach: PassphraseReach;
  unattended: UnattendedChecks;
  /** 'failing' when the login itself is broken, 'attention' when the way to the site is. */
  health: 'ok' | 'failing' | 'attention';
}

/** Answers the site counts towards the lockout, whatever words came with them. */
const refusalKinds: ReadonlySet<Failure['kind']> = new Set<Failure['kind']>(['auth-rejected', 'two-factor-rejected', 'account-locked']);

/**
 * Answers another unattended try cannot change: the person has to do something first. An unknown
 * API3 fault is here too: it came back to a request carrying the passphrase, and nobody knows what it means.
 */
const needsThePersonKinds: ReadonlySet<Failure['kind']> = new Set<Failure['kind']>([
  'two-factor-required', 'sso-only', 'account-inactive', 'session-expired', 'sudo-refused', 'fault',
]);

/**
 * Failures that happen before a request is written: name lookup, connecting, the proxy's CONNECT and
 * the TLS handshake all come first, and a site that is not ShotGrid is found by the probe, which
 * carries no credentials.
 */
const notSentKinds: ReadonlySet<Failure['kind']> = new Set<Failure['kind']>([
  'dns', 'refused', 'proxy', 'tls-untrusted', 'tls-expired', 'tls-wrong-host', 'tls-other', 'not-shotgrid',
]);

/** Whether this failure counts towards the lockout: a refusal, or any answer whose text names a lock. */
export function countsAsRefusal(failure: Failure): boolean {
  return refusalKinds.has(failure.kind) || namesALock(failureText(failure));
}

export function passphraseReach(failure: Failure): PassphraseReach {
  if (notSentKinds.has(failure.kind)) return 'not-sent';
  if (refusalKinds.has(failure.kind) || needsThePersonKinds.has(failure.kind)) return 'answered';
  // A timeout, a reset, a 5xx or a page that is not ShotGrid's: the passphrase may have arrived.
  return 'unknown';
}

export function decideAfter(outcome: AttemptOutcome): RefusalDecision {
  switch (outcome.kind) {
    case 'verified':
      return { counts: false, pauses: false, clears: true, reach: 'answered', unattended: 'on-event', health: 'ok' };
    case 'secret-missing':
      return { counts: false, pauses: true, clears: false, reach: 'not-sent', unattended: 'paused', health: 'failing' };
    case 'failed':
      return decideAfterFailure(outcome.failure);
  }
}

function decideAfterFailure(failure: Failure): RefusalDecision {
  const counts = countsAsRefusal(failure);
  const reach = passphraseReach(failure);
  const pauses = counts || needsThePersonKinds.has(failure.kind);
  if (pauses) return { counts, pauses, clears: false, reach, unattended: 'paused', health: 'failing' };
  // Not the person's fault: keep the passphrase and keep checking, but an answer that may have been
  // a refusal is never followed by another unattended try before the next interval.
  const unattended: UnattendedChecks = reach === 'not-sent' ? 'soon-on-event' : 'next-interval';
  return { counts, pauses, clears: false, reach, unattended, health: 'attention' };
}

/** What the schedule may do with a saved login, from what its last check left behind. */
export function unattendedChecksFor(account: { checksPaused: boolean; lastHealth: string; lastCheckReach?: PassphraseReach | undefined }): UnattendedChecks {
  if (account.checksPaused) return 'paused';
  if (account.lastHealth !== 'attention') return 'on-event';
  // An older record that does not say how far its check got is taken at its worst.
  if (account.lastCheckReach === 'not-sent') return 'soon-on-event';
  return account.lastCheckReach === 'answered' ? 'on-event' : 'next-interval';
}

/** Refusals left before ShotGrid locks the account, counting only Gridpass's own. */
export function refusalsLeft(failedLogins: number): number {
  return Math.max(0, lockoutThreshold - failedLogins);
}

function failureText(failure: Failure): string {
  if ('serverMessage' in failure) return failure.serverMessage;
  if (failure.kind === 'account-inactive') return failure.detail;
  return '';
}
