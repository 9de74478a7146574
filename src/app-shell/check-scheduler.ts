/**
 * When saved logins are re-checked: every N hours, shortly after the computer wakes up, when the
 * network comes back, and once after start-up. Never for a login whose checks are paused: after
 * one authentication failure Gridpass waits for the person, because ShotGrid locks an account after
 * ten failed logins and a schedule must never be the thing that gets there.
 */
import type { Clock, TimerHandle } from './clock';

export type ScheduledReason = 'startup' | 'schedule' | 'resume' | 'network';

export interface ScheduledAccount {
  id: string;
  checksPaused: boolean;
  /** ISO timestamp of the last check, whatever its outcome. */
  lastCheckedAt: string | null;
}

export interface CheckSchedulerDeps {
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
  /** Event-driven checks skip a login checked this recently. */
  minGapMs: 10 * 60_000,
} as const;

const HOUR_MS = 3_600_000;

export class CheckScheduler {
  readonly #deps: CheckSchedulerDeps;
  #running = false;
  #stopped = true;
  #queued: ScheduledReason | null = null;
  #dueTimer: TimerHandle | null = null;
  #eventTimer: TimerHandle | null = null;

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
    const now = this.#deps.clock.now();
    const gap = reason === 'schedule' ? this.#intervalMs() : schedulerTimings.minGapMs;
    const due = accounts.filter((account) => !account.checksPaused && ageMs(account, now) >= gap);
    // One at a time: a studio's site should see one login from Gridpass, not a burst.
    for (const account of due) {
      if (this.#stopped) return;
      try {
        await this.#deps.check(account.id, reason);
      } catch (error) {
        this.#deps.onError?.(account.id, error);
      }
    }
  }

  async #scheduleNextDue(): Promise<void> {
    const accounts = (await this.#accounts()).filter((account) => !account.checksPaused);
    // Cleared after the await, so two overlapping reschedules still leave exactly one timer.
    if (this.#dueTimer !== null) this.#deps.clock.clearTimeout(this.#dueTimer);
    this.#dueTimer = null;
    if (this.#stopped || this.#running || accounts.length === 0) return;
    const now = this.#deps.clock.now();
    const interval = this.#intervalMs();
    const waits = accounts.map((account) => Math.max(0, interval - ageMs(account, now)));
    const wait = Math.max(1_000, Math.min(...waits));
    this.#dueTimer = this.#deps.clock.setTimeout(() => {
      this.#dueTimer = null;
      void this.#run('schedule');
    }, wait);
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

function ageMs(account: ScheduledAccount, now: number): number {
  if (account.lastCheckedAt === null) return Number.POSITIVE_INFINITY;
  const checkedAt = Date.parse(account.lastCheckedAt);
  // A last check "in the future" means the clock moved back: treat it as stale rather than wait.
  return Number.isNaN(checkedAt) || checkedAt > now ? Number.POSITIVE_INFINITY : now - checkedAt;
}
