/**
 * One try of a login, recorded under the refusal policy: counted, paused or cleared, together with the
 * check it was, in one write of the settings file (taken under the file's lock, so the app and the CLI
 * never lose each other's changes). A pause the file cannot take is still held in memory by the registry
 * (held-pauses), so this process sends nothing more for that login. Every way of trying a login (the
 * wizard, the app's checks, `gridpass verify`, `login`, `status --check`, a diagnosis) records here.
 */
import type { AccountRegistry } from '../accounts/account-registry';
import { decideAfter, type AttemptOutcome } from '../accounts/refusal-policy';
import type { Finding } from '../diagnosis/finding';
import { findingFor, findingForFailure, type FindingContext } from '../diagnosis/finding-catalogue';
import type { CheckReasonValue, SavedAccount } from '../settings/settings-schema';

/** The check a try of a saved login was; health and how far the passphrase got come from the policy. */
interface AttemptCheck {
  at: Date;
  reason: CheckReasonValue;
  finding: { code: string; title: string } | null;
}

export type RecordedAttempt =
  | { saved: true; failedLogins: number }
  /**
   * The settings file does not hold this try. `pauseHeldInMemory`: the try called for a count or a pause,
   * which only this process now knows about; the person has to hear that.
   */
  | { saved: false; failedLogins: number; why: string; pauseHeldInMemory: boolean };

/** `registry` is null when the settings could not be opened at all (a CLI without its keychain module). */
export function recordAttempt(
  registry: AccountRegistry | null, site: string, login: string, outcome: AttemptOutcome, check: AttemptCheck | null,
): RecordedAttempt {
  const decision = decideAfter(outcome);
  const pauseHeldInMemory = decision.counts || decision.pauses;
  if (registry === null) {
    return { saved: false, failedLogins: decision.counts ? 1 : 0, why: 'Gridpass could not open its settings.', pauseHeldInMemory };
  }
  const record = check === null ? null : { ...check, health: decision.health, reach: decision.reach };
  const recorded = registry.recordAttempt(site, login, { decision, check: record });
  if (recorded.ok) return { saved: true, failedLogins: recorded.value.failedLogins };
  const why = 'failure' in recorded.failure ? recorded.failure.failure.message : recorded.failure.message;
  // The registry's count includes refusals it holds in memory because this write failed.
  return { saved: false, failedLogins: registry.failedLogins(site, login), why, pauseHeldInMemory };
}

/**
 * The saved logins before they are opened, for the tries of a typed login on one site: opening them
 * builds the settings schema, which costs a `gridpass verify` more than its two requests, and most
 * tries have nothing to record.
 */
export interface UnopenedRegistry {
  readonly unopened: true;
  /** Whether the settings hold a refusal count or a pause for the site now; true once opened. */
  holdsCount(): boolean;
  /** The registry, opened once; null when the settings could not be opened. */
  open(): Promise<AccountRegistry | null>;
}

export function isUnopened(registry: AccountRegistry | UnopenedRegistry | null): registry is UnopenedRegistry {
  return registry !== null && 'unopened' in registry;
}

/**
 * `recordAttempt` for saved logins opened only when the try needs them. A try that neither counts nor
 * pauses (a verified login, a site that could not be reached) only ever clears a count or a pause, or
 * leaves them: where the site has none, there is nothing to clear, so nothing is opened or written.
 * The settings are looked at after the try, so a refusal counted meanwhile by the app is still cleared.
 */
export async function recordAttemptOnDemand(registry: UnopenedRegistry, site: string, login: string, outcome: AttemptOutcome): Promise<RecordedAttempt> {
  const decision = decideAfter(outcome);
  if (!decision.counts && !decision.pauses && !registry.holdsCount()) return { saved: true, failedLogins: 0 };
  return recordAttempt(await registry.open(), site, login, outcome, null);
}

/** What recording a saved login's try needs: the finding is written with the check, in the caller's words. */
export interface SavedLoginRecording {
  registry: AccountRegistry;
  now: () => Date;
  findingContext: (account: SavedAccount) => FindingContext;
}

/** A saved login's try, recorded: the login as it is now, and the finding the check was written with. */
export interface SavedLoginTry {
  account: SavedAccount;
  recorded: RecordedAttempt;
  finding: Finding | null;
}

/**
 * A try of a saved login's passphrase (by a check here, or by a diagnosis): counted, paused or cleared as
 * the refusal policy decides, with the check and its finding, in one write. Null when the login was
 * forgotten meanwhile: counting the refusal would write it back into the settings file.
 */
export function recordSavedLoginTry(
  deps: SavedLoginRecording, account: SavedAccount, reason: CheckReasonValue, attempt: AttemptOutcome,
): SavedLoginTry | null {
  if (deps.registry.get(account.id) === null) return null;
  const finding = findingOf(deps.findingContext(account), attempt);
  const recorded = recordAttempt(deps.registry, account.site, account.login, attempt, {
    at: deps.now(), reason, finding: finding && { code: finding.code, title: finding.title },
  });
  return { account: deps.registry.get(account.id) ?? account, recorded, finding };
}

function findingOf(context: FindingContext, attempt: AttemptOutcome): Finding | null {
  switch (attempt.kind) {
    case 'verified':
      return null;
    case 'secret-missing':
      return findingFor('GP-SAVED-SECRET-MISSING', context);
    case 'failed':
      return findingForFailure(attempt.failure, context);
  }
}
