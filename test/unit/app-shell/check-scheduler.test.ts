import { describe, expect, it } from 'vitest';
import { CheckScheduler, schedulerTimings } from '../../../src/app-shell/check-scheduler';
import type { ScheduledAccount, ScheduledReason } from '../../../src/app-shell/check-scheduler';
import type { UnattendedChecks } from '../../../src/accounts/refusal-policy';
import { FakeClock } from '../../fixtures/fake-clock';

const HOUR = 3_600_000;

/** A site of saved logins whose checks record the time, as the real service does. */
function setup(accounts: ScheduledAccount[], options: { intervalHours?: number; failing?: string[] } = {}) {
  const clock = new FakeClock();
  const checks: Array<{ id: string; reason: ScheduledReason }> = [];
  const errors: string[] = [];
  let interval = options.intervalHours ?? 6;
  const scheduler = new CheckScheduler({
    clock,
    intervalHours: () => interval,
    listAccounts: async () => accounts.map((a) => ({ ...a })),
    check: async (id, reason) => {
      checks.push({ id, reason });
      const account = accounts.find((a) => a.id === id);
      if (account) account.lastCheckedAt = clock.iso();
      if (options.failing?.includes(id)) throw new Error('network down');
    },
    onError: (id) => errors.push(id),
  });
  return { clock, checks, errors, scheduler, setInterval: (hours: number) => { interval = hours; } };
}

/** Relative to the FakeClock's start time, which every test begins at. */
const hoursAgo = (hours: number) => new FakeClock().iso(-hours * HOUR);
const account = (id: string, lastCheckedAt: string | null = null, unattendedChecks: UnattendedChecks = 'on-event'): ScheduledAccount => ({
  id, lastCheckedAt, unattendedChecks,
});

describe('CheckScheduler', () => {
  it('checks every login shortly after start-up, then again every interval', async () => {
    const { clock, checks, scheduler } = setup([account('a'), account('b')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs - 1);
    expect(checks).toEqual([]);
    await clock.advance(1);
    expect(checks).toEqual([{ id: 'a', reason: 'startup' }, { id: 'b', reason: 'startup' }]);
    await clock.advance(6 * HOUR - 1);
    expect(checks).toHaveLength(2);
    await clock.advance(1);
    expect(checks.slice(2)).toEqual([{ id: 'a', reason: 'schedule' }, { id: 'b', reason: 'schedule' }]);
  });

  it('never checks a login whose checks are paused after an authentication failure', async () => {
    const { clock, checks, scheduler } = setup([account('a'), account('locked-out', null, 'paused')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    scheduler.resumed();
    scheduler.networkRestored();
    await clock.advance(48 * HOUR);
    expect(checks.map((c) => c.id)).not.toContain('locked-out');
    expect(checks.filter((c) => c.id === 'a').length).toBeGreaterThan(5);
  });

  it('sets no timer at all when every login is paused', async () => {
    const { clock, checks, scheduler } = setup([account('a', null, 'paused')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    expect(checks).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('re-checks after wake-up once things settle, skipping logins checked minutes ago', async () => {
    const { clock, checks, scheduler } = setup([account('fresh', hoursAgo(0.1)), account('stale', hoursAgo(2))]);
    scheduler.start();
    scheduler.resumed();
    await clock.advance(schedulerTimings.startupDelayMs - 1);
    expect(checks).toEqual([]);
    await clock.advance(1);
    // Start-up and wake-up arrived together: one pass, with the first reason.
    expect(checks).toEqual([{ id: 'stale', reason: 'startup' }]);
  });

  it('collapses a burst of wake-up and network events into one pass', async () => {
    const { clock, checks, scheduler } = setup([account('a', hoursAgo(1))]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    checks.length = 0;
    await clock.advance(30 * 60_000);
    scheduler.resumed();
    await clock.advance(1_000);
    scheduler.networkRestored();
    scheduler.networkRestored();
    await clock.advance(schedulerTimings.settleDelayMs);
    expect(checks).toEqual([{ id: 'a', reason: 'resume' }]);
  });

  it('re-checks a login the network kept from an answer as soon as the network is back', async () => {
    const { clock, checks, scheduler } = setup([account('a', hoursAgo(3)), account('unreached', hoursAgo(3), 'soon-on-event')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    checks.length = 0;
    await clock.advance(2 * 60_000);
    scheduler.networkRestored();
    await clock.advance(schedulerTimings.settleDelayMs);
    expect(checks).toEqual([{ id: 'unreached', reason: 'network' }]);
  });

  it.each([
    ['never checked', null],
    ['checked "tomorrow" before the clock was set back', hoursAgo(-24)],
  ])('does not retry every second a login whose check could not record its time (%s)', async (_name, lastCheckedAt) => {
    const clock = new FakeClock();
    const checks: string[] = [];
    const scheduler = new CheckScheduler({
      clock,
      intervalHours: () => 6,
      // The settings file is read-only: the check ran, but lastCheckedAt never moves.
      listAccounts: async () => [account('a', lastCheckedAt)],
      check: async (id) => {
        checks.push(id);
        throw new Error('EROFS');
      },
    });
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs + HOUR);
    expect(checks).toEqual(['a']);
    await clock.advance(5 * HOUR);
    expect(checks).toEqual(['a', 'a']);
  });

  it('treats a check the computer slept through as a wake-up: it waits for the network to settle', async () => {
    const fake = new FakeClock();
    let slept = 0;
    // Wall time moves on during sleep while the timer waits, as it does on macOS and Linux; on
    // Windows the timer fires the moment the computer wakes. Either way it fires late.
    const clock = { ...fake, now: () => fake.now() + slept };
    const checks: Array<{ id: string; reason: ScheduledReason }> = [];
    const accounts = [account('a')];
    const scheduler = new CheckScheduler({
      clock,
      intervalHours: () => 6,
      listAccounts: async () => accounts.map((a) => ({ ...a })),
      check: async (id, reason) => {
        checks.push({ id, reason });
        accounts[0]!.lastCheckedAt = new Date(clock.now()).toISOString();
      },
    });
    scheduler.start();
    await fake.advance(schedulerTimings.startupDelayMs);
    checks.length = 0;
    await fake.advance(5 * HOUR);
    slept = 10 * HOUR;
    await fake.advance(HOUR);
    expect(checks).toEqual([]);
    await fake.advance(schedulerTimings.settleDelayMs);
    expect(checks).toEqual([{ id: 'a', reason: 'resume' }]);
  });

  it('checks when the network comes back', async () => {
    const { clock, checks, scheduler } = setup([account('a', hoursAgo(3))]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    checks.length = 0;
    await clock.advance(schedulerTimings.minGapMs);
    scheduler.networkRestored();
    await clock.advance(schedulerTimings.settleDelayMs);
    expect(checks).toEqual([{ id: 'a', reason: 'network' }]);
  });

  it('waits only for what is left of the interval for a login checked earlier', async () => {
    const { clock, checks, scheduler } = setup([account('a', hoursAgo(5))]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    expect(checks).toEqual([{ id: 'a', reason: 'startup' }]);
    // Start-up re-checked it, so the next scheduled check is a full interval after that.
    await clock.advance(6 * HOUR);
    expect(checks).toEqual([{ id: 'a', reason: 'startup' }, { id: 'a', reason: 'schedule' }]);
  });

  it('applies a new interval at the next reschedule', async () => {
    const { clock, checks, scheduler, setInterval } = setup([account('a')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    setInterval(1);
    await scheduler.reschedule();
    await clock.advance(HOUR);
    expect(checks.map((c) => c.reason)).toEqual(['startup', 'schedule']);
    expect(clock.pendingTimers).toBe(1);
  });

  it('keeps going when one login\'s check throws', async () => {
    const { clock, checks, errors, scheduler } = setup([account('a'), account('b')], { failing: ['a'] });
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    expect(checks.map((c) => c.id)).toEqual(['a', 'b']);
    expect(errors).toEqual(['a']);
  });

  it('checks one login at a time', async () => {
    const clock = new FakeClock();
    let inFlight = 0;
    let most = 0;
    const scheduler = new CheckScheduler({
      clock,
      intervalHours: () => 6,
      listAccounts: async () => [account('a'), account('b'), account('c')],
      check: async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
      },
    });
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    expect(most).toBe(1);
  });

  it('does nothing after stop', async () => {
    const { clock, checks, scheduler } = setup([account('a')]);
    scheduler.start();
    scheduler.stop();
    scheduler.resumed();
    await clock.advance(48 * HOUR);
    expect(checks).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('after an answer that may have been a refusal, waits for the interval whatever the network does', async () => {
    const { clock, checks, scheduler } = setup([account('timed-out', hoursAgo(0), 'next-interval')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    for (let flap = 0; flap < 20; flap++) {
      scheduler.networkRestored();
      scheduler.resumed();
      await clock.advance(15 * 60_000);
    }
    expect(checks).toEqual([]);
    await clock.advance(6 * HOUR - 20 * 15 * 60_000);
    expect(checks).toEqual([{ id: 'timed-out', reason: 'schedule' }]);
  });

  it('lets network and wake-up events check a login at most once per interval', async () => {
    const { clock, checks, scheduler } = setup([account('unreached', hoursAgo(1), 'soon-on-event')]);
    scheduler.start();
    await clock.advance(schedulerTimings.startupDelayMs);
    checks.length = 0;
    for (let flap = 0; flap < 16; flap++) {
      scheduler.networkRestored();
      await clock.advance(15 * 60_000);
    }
    expect(checks).toEqual([{ id: 'unreached', reason: 'network' }]);
  });
});
