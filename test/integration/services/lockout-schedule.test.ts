// The tray's schedule over 48 simulated hours against the real service, the practice site, the real
// keychain and a real settings file: what matters is how many logins the site saw, from its own log.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRegistry } from '../../../src/accounts/account-registry';
import { CheckScheduler } from '../../../src/app-shell/check-scheduler';
import type { ServiceEvent } from '../../../src/services/service-events';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import { FakeClock } from '../../fixtures/fake-clock';
import { startFlakyRelay, type FlakyRelay } from '../../fixtures/flaky-relay';
import { requireWorkingKeychain, uniqueKeychainService } from '../../fixtures/keyring';
import { makeReadOnly, type ReadOnlyFolder } from '../../fixtures/read-only-folder';
import { startRealService, type RealService } from '../../fixtures/real-service';
import { practiceAccount } from '../../fixtures/practice-site';
import { plantedSecret } from '../../fixtures/plant-secret';

const HOUR = 3_600_000;
const MINUTE = 60_000;

let real: RealService | null = null;
let relay: FlakyRelay | null = null;
let readOnly: ReadOnlyFolder | null = null;

beforeAll(() => requireWorkingKeychain(createKeychainVault({ service: uniqueKeychainService('probe') })));
afterEach(async () => {
  readOnly?.restore();
  readOnly = null;
  await relay?.close();
  relay = null;
  await real?.close();
  real = null;
});

/** The service and the site on one fake clock, so the site's log is stamped in simulated time. */
async function startOnFakeClock(clock: FakeClock): Promise<RealService> {
  const now = () => new Date(clock.now());
  real = await startRealService({ practice: { clock: now }, now, timeoutMs: 5_000 });
  return real;
}

/** Saves a login the way the wizard's Save step leaves it: metadata in the settings file, passphrase in the keychain. */
async function saveLogin(service: RealService, clock: FakeClock, site: string, login: string, passphrase: string): Promise<string> {
  const registry = createAccountRegistry({ settings: service.settings, vault: service.vault, now: () => new Date(clock.now()) });
  const saved = await registry.saveVerifiedLogin({ site, login, displayName: null, loginMethod: 'oxygen', passphrase, pat: null });
  if (!saved.ok) throw new Error(`could not save the login: ${JSON.stringify(saved.failure)}`);
  return saved.value.account.id;
}

/** The tray's scheduler, driven by the fake clock, checking through the real service. */
function traySchedule(service: RealService, clock: FakeClock, intervalHours: number) {
  let running = 0;
  const scheduler = new CheckScheduler({
    clock,
    intervalHours: () => intervalHours,
    listAccounts: () => service.service.listAccounts({}),
    check: async (id, reason) => {
      await service.service.runScheduledCheck(id, reason);
    },
    onPassStart: () => running++,
    onPassEnd: () => running--,
  });
  /** Moves simulated time on a minute at a time; a check under way finishes (in real time) before the clock moves again. */
  async function advance(ms: number, eachMinute: (minute: number) => void = () => undefined): Promise<void> {
    for (let minute = 0; minute < ms / MINUTE; minute++) {
      eachMinute(minute);
      await clock.advance(MINUTE);
      while (running > 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  return { scheduler, advance };
}

function passwordLogins(service: RealService, login: string) {
  return service.site.log.entries().filter((entry) => entry.authKind === 'password' && entry.principal?.toLowerCase() === login.toLowerCase());
}

describe('the lockout guard over 48 simulated hours', () => {
  it('with a settings folder that cannot be written: one refused passphrase, then nothing, and the person is told', async () => {
    const clock = new FakeClock();
    const service = await startOnFakeClock(clock);
    const maya = practiceAccount(service.site, 'works');
    // The passphrase was changed on the site since it was saved: every try is a refusal.
    const id = await saveLogin(service, clock, service.site.url, maya.login, plantedSecret('stale-passphrase'));
    const events: ServiceEvent[] = [];
    service.service.events.on((event) => events.push(event));
    readOnly = makeReadOnly(service.home);

    const { scheduler, advance } = traySchedule(service, clock, 1);
    scheduler.start();
    // Wake-ups and a returning network every 20 minutes, on top of the hourly schedule.
    await advance(48 * HOUR, (minute) => {
      if (minute % 20 === 0) scheduler.networkRestored();
      if (minute % 20 === 10) scheduler.resumed();
    });
    scheduler.stop();

    expect(passwordLogins(service, maya.login)).toHaveLength(1);
    expect(service.site.account(maya.login)?.consecutiveFailures).toBe(1);
    const [account] = await service.service.listAccounts({});
    expect(account).toMatchObject({
      id, checksPaused: true, unattendedChecks: 'paused', health: 'failing', failedLogins: 1, lastFinding: { code: 'GP-SETTINGS-UNWRITABLE' },
    });
    expect(events).toContainEqual({ type: 'accounts-changed' });
  });

  it('after a login whose answer never came back, and a flapping network: at most one login per interval', async () => {
    const clock = new FakeClock();
    const service = await startOnFakeClock(clock);
    relay = await startFlakyRelay(service.site.url);
    const maya = practiceAccount(service.site, 'works');
    await saveLogin(service, clock, relay.url, maya.login, maya.passphrase ?? '');
    relay.mode = 'cut-after-login';
    const interval = 2;

    const { scheduler, advance } = traySchedule(service, clock, interval);
    scheduler.start();
    // Down for five minutes, back for five, all day long: each return is a network-restored event.
    await advance(48 * HOUR, (minute) => {
      const flap = Math.floor(minute / 5) % 2 === 0;
      const current = relay;
      if (current === null) return;
      if (flap && current.mode === 'down') {
        current.mode = 'cut-after-login';
        scheduler.networkRestored();
      } else if (!flap && current.mode !== 'down') {
        current.mode = 'down';
      }
      if (minute % 30 === 0) scheduler.resumed();
    });
    scheduler.stop();

    const logins = passwordLogins(service, maya.login).map((entry) => entry.at.getTime());
    const gaps = logins.slice(1).map((at, index) => at - (logins[index] ?? 0));
    // Checks go on (this is not a pause), but never two within one interval.
    expect(logins.length).toBeGreaterThan(1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval * HOUR);
  });
});
