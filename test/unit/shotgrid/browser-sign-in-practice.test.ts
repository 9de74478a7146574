import { describe, expect, it } from 'vitest';
import type { PracticeSite } from '../../../src/practice-site/practice-site';
import { LAUNCHER_MAX_WAIT_MS, LAUNCHER_POLL_INTERVAL_MS } from '../../../src/shotgrid/browser-sign-in';
import { finish, startSignIn, TEST_MACHINE_ID, untilPolled } from '../../fixtures/browser-sign-in';
import { manualClock, practiceSites, seededAccount } from '../../fixtures/practice-site';

const sites = practiceSites();

function polls(site: PracticeSite): number {
  return site.log.entries().filter((entry) => entry.call === 'PUT /internal_api/app_session_request/:id').length;
}

function passwordLogins(site: PracticeSite): number {
  return site.log.entries().filter((entry) => entry.authKind === 'password').length;
}

describe('browser sign-in against the practice site', () => {
  it('opens a request as Gridpass from this machine, and after approval reads who the person is', async () => {
    const site = await sites.start();
    const attempt = startSignIn(site.url);
    const link = await attempt.linked;
    const [pending] = site.appSessionRequests();
    expect(pending).toMatchObject({ appName: 'Gridpass', machineId: TEST_MACHINE_ID });
    expect(link.url).toBe(`${site.url}/app_session_request/${pending?.id}?sticky_id=${pending?.id}`);
    expect(link.expiresAt).toBe(attempt.clock.now() + LAUNCHER_MAX_WAIT_MS);

    await untilPolled(attempt, () => polls(site), 2);
    expect(site.approveAppSession(pending?.id ?? '', 'jdoe')).toEqual({ ok: true });
    const result = await finish(attempt);

    expect(result).toEqual({
      ok: true,
      person: {
        id: 112, login: 'jdoe', name: 'Jane Doe', email: 'jane.doe@studio.example', status: 'act', permissionGroup: 'Artist',
        lockedUntil: null, lockedUntilReadable: true,
      },
    });
    // The approved poll was the last: the token is handed over once and the flow stops asking.
    expect(polls(site)).toBe(3);
    expect(passwordLogins(site)).toBe(0);
    expect(site.log.entries().at(-1)).toMatchObject({ call: 'read', authKind: 'session', principal: 'jdoe' });
  });

  it('polls every 2 seconds on the injected clock', async () => {
    const site = await sites.start();
    const attempt = startSignIn(site.url);
    await attempt.linked;
    const started = attempt.clock.now();
    await untilPolled(attempt, () => polls(site), 3);
    expect(attempt.clock.now() - started).toBe(3 * LAUNCHER_POLL_INTERVAL_MS);
    attempt.controller.abort();
    await finish(attempt);
  });

  it('tells a locked person until when, read from their own record', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const sofia = seededAccount('locked');
    const attempt = startSignIn(site.url);
    await attempt.linked;
    site.approveAppSession(site.appSessionRequests()[0]?.id ?? '', sofia.login);
    const result = await finish(attempt);
    expect(result).toMatchObject({ ok: true, person: { login: sofia.login, lockedUntil: new Date(clock.now().getTime() + 3600_000).toISOString(), lockedUntilReadable: true } });
  });

  it('reads a denied request as rejected', async () => {
    const site = await sites.start();
    const attempt = startSignIn(site.url);
    await attempt.linked;
    site.denyAppSession(site.appSessionRequests()[0]?.id ?? '');
    expect(await finish(attempt)).toEqual({ ok: false, failure: { kind: 'launcher-rejected' } });
  });

  it('reads a request the site forgot (expired on its side) as rejected', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const attempt = startSignIn(site.url);
    await attempt.linked;
    clock.advance(306_000);
    expect(await finish(attempt)).toEqual({ ok: false, failure: { kind: 'launcher-rejected' } });
  });

  it('says the feature is off when the site answers 403', async () => {
    const site = await sites.start({ appSessionLauncher: false });
    const attempt = startSignIn(site.url);
    const result = await finish(attempt);
    expect(result).toEqual({ ok: false, failure: { kind: 'launcher-off', serverMessage: 'The App Session Launcher is not enabled on this site.' } });
    expect(attempt.links).toEqual([]);
  });

  it('gives up after 180 seconds without an approval, having polled every 2 s', async () => {
    const site = await sites.start();
    const attempt = startSignIn(site.url);
    await attempt.linked;
    const started = attempt.clock.now();
    const result = await finish(attempt, 2000);
    expect(result).toEqual({ ok: false, failure: { kind: 'launcher-timeout', afterMs: LAUNCHER_MAX_WAIT_MS } });
    expect(polls(site)).toBe(LAUNCHER_MAX_WAIT_MS / LAUNCHER_POLL_INTERVAL_MS);
    expect(attempt.clock.now() - started).toBe(LAUNCHER_MAX_WAIT_MS);
  });

  it('stops at once when cancelled, and sends nothing after', async () => {
    const site = await sites.start();
    const attempt = startSignIn(site.url);
    await attempt.linked;
    await untilPolled(attempt, () => polls(site), 1);
    attempt.controller.abort();
    expect(await attempt.result).toEqual({ ok: false, failure: { kind: 'launcher-cancelled' } });
    const sent = site.log.entries().length;
    await attempt.clock.advance(10 * LAUNCHER_POLL_INTERVAL_MS);
    expect(site.log.entries().length).toBe(sent);
    expect(attempt.clock.pendingTimers).toBe(0);
  });

  it('can be cancelled before the site has even answered the request', async () => {
    const site = await sites.start({ faults: { latencyMs: 400 } });
    const attempt = startSignIn(site.url);
    attempt.controller.abort();
    expect(await attempt.result).toEqual({ ok: false, failure: { kind: 'launcher-cancelled' } });
    expect(attempt.links).toEqual([]);
  });
});
