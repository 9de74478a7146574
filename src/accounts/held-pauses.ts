/**
 * Pauses held in memory for the life of the process. A refusal pauses a login here before anything
 * is written, so a settings file that cannot be written (full disk, permissions, a sync tool holding
 * it) can never let the schedule send a refused passphrase again: the file is where the pause is
 * kept for the next start, not what decides it now. A check whose result could not be written is
 * kept here too, so the schedule still sees that its answer may have been a refusal.
 */
import type { SavedAccount } from '../settings/settings-schema';
import { loginKey } from './login-key';

interface HeldPause {
  /** When the refusal (or other pausing answer) was seen. */
  since: Date;
  /** Refusals seen while the settings file could not be written; folded into the next write that works. */
  unsavedRefusals: number;
  /** Why the last write failed, or null when the pause is also in the file. */
  unsaved: string | null;
  /**
   * The saved account's `lastCheckedAt` as this process last knew it. A different one was written by
   * another process; times are not compared, so a clock set back cannot lift a pause.
   */
  seenCheckAt: string | null;
}

/** `host` + login as the registry keys them. */
interface PauseKey {
  host: string;
  login: string;
}

/** The finding a login shows while its pause is held only in memory. */
const unsavedFindingCode = 'GP-SETTINGS-UNWRITABLE';

const keyOf = (key: PauseKey): string => `${key.host}\u0000${loginKey(key.login)}`;

/** The fields of a saved account that one check sets. */
export type CheckFields = Pick<SavedAccount, 'lastCheckedAt' | 'lastCheckReason' | 'lastHealth' | 'lastFindingCode' | 'lastFindingTitle' | 'lastCheckReach'>;

export class HeldPauses {
  readonly #held = new Map<string, HeldPause>();
  readonly #unsavedChecks = new Map<string, CheckFields>();

  /** A check that could not be written; null forgets it once a write has worked. */
  keepUnsavedCheck(key: PauseKey, check: CheckFields | null): void {
    if (check === null) this.#unsavedChecks.delete(keyOf(key));
    else this.#unsavedChecks.set(keyOf(key), check);
  }

  get(key: PauseKey): HeldPause | null {
    return this.#held.get(keyOf(key)) ?? null;
  }

  hold(key: PauseKey, since: Date, seenCheckAt: string | null): HeldPause {
    const held = this.#held.get(keyOf(key)) ?? { since, unsavedRefusals: 0, unsaved: null, seenCheckAt };
    this.#held.set(keyOf(key), held);
    return held;
  }

  release(key: PauseKey): void {
    this.#held.delete(keyOf(key));
  }

  /**
   * The saved account as this process must treat it: paused while a pause is held, with the refusals
   * that could not be written. A verified check that another process saved after the pause was seen
   * lifts it, because only a verified login clears a pause, wherever it happened.
   */
  overlay(saved: SavedAccount): SavedAccount {
    const account = this.#withUnsavedCheck(saved);
    const held = this.get(account);
    if (held === null) return account;
    if (verifiedElsewhere(saved, held)) {
      this.release(account);
      return account;
    }
    const paused = { ...account, checksPaused: true, failedLogins: account.failedLogins + held.unsavedRefusals };
    // The person has to hear that the file does not hold this pause: the login shows the write failure.
    return held.unsaved === null ? paused : { ...paused, lastHealth: 'failing', lastFindingCode: unsavedFindingCode, lastFindingTitle: held.unsaved };
  }

  #withUnsavedCheck(account: SavedAccount): SavedAccount {
    const check = this.#unsavedChecks.get(keyOf(account));
    if (check === undefined) return account;
    // Another process wrote a newer check meanwhile: the file knows better.
    if (account.lastCheckedAt !== null && check.lastCheckedAt !== null && Date.parse(account.lastCheckedAt) > Date.parse(check.lastCheckedAt)) return account;
    return { ...account, ...check };
  }
}

function verifiedElsewhere(account: SavedAccount, held: HeldPause): boolean {
  return account.lastCheckedAt !== held.seenCheckAt && account.lastHealth === 'ok' && !account.checksPaused;
}
