/**
 * When saved logins are re-checked: every N hours, shortly after the computer wakes up, when the
 * network comes back, and once after start-up. Never for a login whose checks are paused: after
 * one authentication failure Gridpass waits for the person, because ShotGrid locks an account after
 * ten failed logins and a schedule must never be the thing that gets there. What each login allows
 * is the refusal policy's word (`unattendedChecks`); this class only keeps time.
 */
import type { UnattendedChecks } from '../accounts/refusal-policy';
import type { Clock, TimerHandle } from './clock';

export type ScheduledReason = 'startup' | 'schedule' | 'resume' | 'network';

export interface ScheduledAccount {
  id: string;
  /** ISO timestamp of the last check, whatever its outcome. */
  lastCheckedAt: string | null;
  unattendedChecks: UnattendedChecks;
}

interface CheckSchedulerDeps {
  listAccounts(): Promise<readonly ScheduledAccount[]>;
  check(accountId: string, reason: ScheduledReason): Promise<void>;
  /** Read at every pass, so a settings change applies at the next reschedule. */
  intervalHours(): number;
  clock: Clock;
  onPassStart?(reason: ScheduledReason): void;
  onPassEnd?(reason: ScheduledReason): void;
  onError?(accountId: string, error: unknown): void;
}

export const schedulerTimings = {
  /** Let the window and tray come up before the first check. */
  startupDelayMs: 10_000,
  /** Wake-up and network changes come in bursts, and DNS/VPN need a moment after both. */
  settleDelayMs: 15_000,
  /** Event-driven checks skip a login checked this recently (and each login gets one per interval). */
  minGapMs: 10 * 60_000,
} as const;

const HOUR_MS = 3_600_000;

/** Wake-ups and a returning network: they can come any number of times, so each login gets one per interval. */
const isEvent = (reason: ScheduledReason): boolean => reason === 'resume' || reason === 'network';

export class CheckScheduler {
  readonly #deps: CheckSchedulerDeps;
  #running = false;
  #stopped = true;
  #queued: ScheduledReason | null = null;
  #dueTimer: TimerHandle | null = null;
  /** Wall-clock time the due timer was set for: firing much later means the computer slept through it. */
  #dueAt = 0;
  #eventTimer: TimerHandle | null = null;
  /**
   * When each login was last sent to check(), whatever became of it: a check that throws, or whose
   * time cannot be saved, must not leave the login looking never-checked and due again a second later.
   */
  readonly #attempts = new Map<string, number>();
  /**
   * When a wake-up or a returning network last sent each login to check() early: a flapping
   * network must not turn into a login per flap, so events check a login at most once per interval.
   */
  readonly #eventChecks = new Map<string, number>();

  constructor(deps: CheckSchedulerDeps) {
    this.#deps = deps;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#trigger('startup', schedulerTimings.startupDelayMs);
  }

  stop(): void {
    this.#stopped = true;
    this.#queued = null;
    this.#clear();
  }

  /** powerMonitor 'resume'. */
  resumed(): void {
    this.#trigger('resume', schedulerTimings.settleDelayMs);
  }

  /** The network went from offline to online. */
  networkRestored(): void {
    this.#trigger('network', schedulerTimings.settleDelayMs);
  }

  /** Accounts or the interval changed: work out when the next check is due. */
  async reschedule(): Promise<void> {
    if (this.#stopped || this.#running) return;
    await this.#scheduleNextDue();
  }

  /** Bursts of events collapse into one pass; the first reason wins. */
  #trigger(reason: ScheduledReason, delayMs: number): void {
    if (this.#stopped || this.#eventTimer !== null) return;
    this.#eventTimer = this.#deps.clock.setTimeout(() => {
      this.#eventTimer = null;
      void this.#run(reason);
    }, delayMs);
  }

  async #run(reason: ScheduledReason): Promise<void> {
    if (this.#stopped) return;
    if (this.#running) {
      this.#queued ??= reason;
      return;
    }
    this.#running = true;
    this.#deps.onPassStart?.(reason);
    try {
      await this.#pass(reason);
    } finally {
      this.#running = false;
      this.#deps.onPassEnd?.(reason);
    }
    const queued = this.#queued;
    this.#queued = null;
    if (queued !== null) await this.#run(queued);
    else await this.#scheduleNextDue();
  }

  async #pass(reason: ScheduledReason): Promise<void> {
    const accounts = await this.#accounts();
    this.#forgetAttemptsExcept(accounts);
    const now = this.#deps.clock.now();
    const due = accounts.filter((account) => this.#isDue(account, reason, now));
    // One at a time: a studio's site should see one login from Gridpass, not a burst.
    for (const account of due) {
      if (this.#stopped) return;
      const at = this.#deps.clock.now();
      this.#attempts.set(account.id, at);
      if (isEvent(reason) && this.#ageMs(account, now) < this.#intervalMs()) this.#eventChecks.set(account.id, at);
      try {
        await this.#deps.check(account.id, reason);
      } catch (error) {
        this.#deps.onError?.(account.id, error);
      }
    }
  }

  #isDue(account: ScheduledAccount, reason: ScheduledReason, now: number): boolean {
    const mode = account.unattendedChecks;
    if (mode === 'paused') return false;
    const age = this.#ageMs(account, now);
    const interval = this.#intervalMs();
    if (age >= interval) return true;
    // Before the interval is up only events may check, and never a login whose last try may have
    // been refused (a timeout or reset after the passphrase left).
    if (reason === 'schedule' || mode === 'next-interval') return false;
    const lastEvent = this.#eventChecks.get(account.id);
    if (isEvent(reason) && lastEvent !== undefined && lastEvent <= now && now - lastEvent < interval) return false;
    return mode === 'soon-on-event' || age >= schedulerTimings.minGapMs;
  }

  async #scheduleNextDue(): Promise<void> {
    const accounts = (await this.#accounts()).filter((account) => account.unattendedChecks !== 'paused');
    // Cleared after the await, so two overlapping reschedules still leave exactly one timer.
    if (this.#dueTimer !== null) this.#deps.clock.clearTimeout(this.#dueTimer);
    this.#dueTimer = null;
    if (this.#stopped || this.#running || accounts.length === 0) return;
    const now = this.#deps.clock.now();
    const interval = this.#intervalMs();
    const waits = accounts.map((account) => Math.max(0, interval - this.#ageMs(account, now)));
    const wait = Math.max(1_000, Math.min(...waits));
    this.#dueAt = now + wait;
    this.#dueTimer = this.#deps.clock.setTimeout(() => {
      this.#dueTimer = null;
      // Slept through: checking this instant would meet a network still coming up (and, on Windows,
      // beat powerMonitor's 'resume'), so it waits to settle like any wake-up.
      if (this.#deps.clock.now() - this.#dueAt > schedulerTimings.settleDelayMs) this.#trigger('resume', schedulerTimings.settleDelayMs);
      else void this.#run('schedule');
    }, wait);
  }

  #ageMs(account: ScheduledAccount, now: number): number {
    const times = [Date.parse(account.lastCheckedAt ?? ''), this.#attempts.get(account.id) ?? Number.NaN]
      // A time "in the future" means the clock moved back: it says nothing about how long ago that was.
      .filter((time) => !Number.isNaN(time) && time <= now);
    return times.length === 0 ? Number.POSITIVE_INFINITY : now - Math.max(...times);
  }

  #forgetAttemptsExcept(accounts: readonly ScheduledAccount[]): void {
    const listed = new Set(accounts.map((account) => account.id));
    for (const id of this.#attempts.keys()) if (!listed.has(id)) this.#attempts.delete(id);
    for (const id of this.#eventChecks.keys()) if (!listed.has(id)) this.#eventChecks.delete(id);
  }

  async #accounts(): Promise<readonly ScheduledAccount[]> {
    try {
      return await this.#deps.listAccounts();
    } catch (error) {
      this.#deps.onError?.('*', error);
      return [];
    }
  }

  #intervalMs(): number {
    const hours = this.#deps.intervalHours();
    return Math.min(168, Math.max(1, Number.isFinite(hours) ? hours : 6)) * HOUR_MS;
  }

  #clear(): void {
    for (const timer of [this.#dueTimer, this.#eventTimer]) {
      if (timer !== null) this.#deps.clock.clearTimeout(timer);
    }
    this.#dueTimer = null;
    this.#eventTimer = null;
  }
}
