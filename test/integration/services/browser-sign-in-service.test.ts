/**
 * Browser sign-in as the app runs it: the real service over a practice site on loopback (real HTTP, the
 * real keychain), approvals and denials through the site's controls as a chosen seeded person. The session
 * token the site hands over starts with a planted secret and must appear in nothing the service says.
 */
import { describe, expect, it } from 'vitest';
import { ExternalLinkPolicy } from '../../../src/app-shell/external-link-policy';
import type { BrowserSignInView, DiagnoseStatus, GridpassHandlers } from '../../../src/ipc/contract';
import type { ServiceEvent } from '../../../src/services/service-events';
import { approveAs, denyPending, nextPendingRequest } from '../../fixtures/app-session-approval';
import { FakeClock } from '../../fixtures/fake-clock';
import { leakedFragments, plantedSecret } from '../../fixtures/plant-secret';
import { manualClock, practiceAccount } from '../../fixtures/practice-site';
import type { RealService } from '../../fixtures/real-service';
import { realServicePerTest } from '../../fixtures/real-service-per-test';

const start = realServicePerTest();
/** Every session id the site hands out starts with this, so the sweep of everything the suites wrote finds a leak too. */
const plantedSession = plantedSecret('session');
/** Polls quickly in real time, so an approval is seen at once; the default timing is covered on a fake clock. */
const quickPolls = { pollIntervalMs: 20, retryBackoffMs: 10 };

interface Watched {
  real: RealService;
  /** Every event and every answer the service gave, serialised, to search for the token. */
  said: string[];
  policy: ExternalLinkPolicy;
}

async function watchedService(options: Parameters<typeof start>[0] = {}): Promise<Watched> {
  const real = await start({ signInTiming: quickPolls, practice: { sessionIdPrefix: plantedSession, ...options.practice }, ...options });
  const said: string[] = [];
  // The link policy hears the service's events as the desktop controller wires them.
  const policy = new ExternalLinkPolicy({ allowLoopbackHttp: true });
  real.service.events.on((event: ServiceEvent) => {
    said.push(JSON.stringify(event));
    if (event.type === 'site-chosen') policy.rememberSite(event.site);
  });
  return { real, said, policy };
}

/** Calls a handler and keeps what it answered. */
async function ask<K extends keyof GridpassHandlers>(watched: Watched, name: K, request: Parameters<GridpassHandlers[K]>[0]) {
  const handler = watched.real.service[name] as (request: unknown) => Promise<Awaited<ReturnType<GridpassHandlers[K]>>>;
  const answer = await handler(request);
  watched.said.push(JSON.stringify(answer));
  return answer;
}

/** Waits (on the service's events) until the sign-in is in `state`, and returns its view then. */
async function untilState<S extends BrowserSignInView['state']>(watched: Watched, signInId: string, state: S) {
  for (;;) {
    const view = await ask(watched, 'browserSignInStatus', { signInId });
    if (view.state === state) return view as Extract<BrowserSignInView, { state: S }>;
    if (view.state === 'failed' && state !== 'failed') throw new Error(`The sign-in failed: ${view.finding.code}`);
    await new Promise<void>((resolve) => {
      const off = watched.real.service.events.on((event) => {
        if (event.type === 'sign-in-progress' && event.signInId === signInId) {
          off();
          resolve();
        }
      });
    });
  }
}

async function started(watched: Watched, login?: string): Promise<string> {
  const answer = await ask(watched, 'startBrowserSignIn', { site: watched.real.site.url, ...(login === undefined ? {} : { login }) });
  if (!answer.ok) throw new Error(`Not started: ${answer.finding.code}`);
  return answer.signInId;
}

/** A sign-in started (for a typed login, if given) and approved on the site as `approver`. */
async function approvedBy(watched: Watched, approver: string, login?: string) {
  const signInId = await started(watched, login);
  await untilState(watched, signInId, 'waiting');
  await approveAs(watched.real.site.url, approver);
  return { signInId, approved: await untilState(watched, signInId, 'approved') };
}

function passwordRequests(real: RealService): number {
  return real.site.log.entries().filter((entry) => entry.authKind === 'password').length;
}

function expectTokenNowhere(watched: Watched): void {
  expect(watched.said.length).toBeGreaterThan(0);
  expect(leakedFragments(watched.said.join('\n'), [plantedSession])).toEqual([]);
}

/** Runs a diagnosis of the practice site to its verdict, waiting on the service's own events. */
async function diagnosed(watched: Watched, request: Parameters<GridpassHandlers['startDiagnose']>[0]): Promise<{ status: DiagnoseStatus; report: string }> {
  const { runId } = await ask(watched, 'startDiagnose', request);
  for (;;) {
    const finished = new Promise<void>((resolve) => {
      const off = watched.real.service.events.on((event) => {
        if (event.type === 'diagnose-finished' && event.runId === runId) {
          off();
          resolve();
        }
      });
    });
    const status = await ask(watched, 'diagnoseStatus', { runId });
    if (status.done) return { status, report: (await ask(watched, 'diagnoseReport', { runId, format: 'json' })).text };
    await finished;
  }
}

describe('browser sign-in in the app', () => {
  it('opens the approval page through the link policy, then says who approved: never the session token', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const jane = practiceAccount(real.site, 'legacy-login-differs');
    const signInId = await started(watched);

    const waiting = await untilState(watched, signInId, 'waiting');
    expect(new URL(waiting.approvalUrl).origin).toBe(real.site.url);
    expect(waiting.secondsLeft).toBeGreaterThan(170);
    await expect.poll(() => real.opened).toEqual([waiting.approvalUrl]);
    // Starting the sign-in chose the site, so the policy main opens links through lets its page open.
    expect(watched.policy.check(waiting.approvalUrl).allowed).toBe(true);
    expect(watched.said.some((text) => text.includes('"site-chosen"'))).toBe(true);
    const pending = await nextPendingRequest(real.site.url);
    expect(pending.appName).toBe('Gridpass');

    await approveAs(real.site.url, jane.login);
    const approved = await untilState(watched, signInId, 'approved');
    expect(approved.person).toEqual({ login: 'jdoe', name: 'Jane Doe', email: 'jane.doe@studio.example', status: 'act' });
    expect(approved.loginMismatch).toBeNull();
    // The site did hand out a planted token (the person's record was read with it), and it went no further.
    expect(real.site.log.entries().some((entry) => entry.authKind === 'session')).toBe(true);
    expect(passwordRequests(real)).toBe(0);
    expectTokenNowhere(watched);
  });

  it('says at once when the login typed before is not the person who approved, and then sends no password with it', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const jane = practiceAccount(real.site, 'legacy-login-differs');
    const { signInId, approved } = await approvedBy(watched, jane.login, 'jane.doe@studio.example');
    expect(approved.loginMismatch?.code).toBe('GP-AUTH-WRONG-LOGIN');
    expect(approved.loginMismatch?.title).toContain('"jdoe"');

    const verified = await ask(watched, 'verifyLogin', { site: real.site.url, login: 'jane.doe@studio.example', passphrase: jane.passphrase!, signInId });
    expect(verified.ok).toBe(false);
    if (verified.ok) return;
    expect(verified.finding.code).toBe('GP-AUTH-WRONG-LOGIN');
    expect(verified.finding.explanation).toContain('"jdoe"');
    expect(verified.failedLogins).toBe(0);
    expect(passwordRequests(real)).toBe(0);
    expectTokenNowhere(watched);
  });

  it('checks the confirmed login once, and narrows a refusal to what remains once the person is known', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const jane = practiceAccount(real.site, 'legacy-login-differs');
    const { signInId } = await approvedBy(watched, jane.login);

    const refused = await ask(watched, 'verifyLogin', { site: real.site.url, login: 'jdoe', passphrase: 'not-her-passphrase', signInId });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.finding.code).toBe('GP-AUTH-NO-PAT');
    expect(refused.finding.explanation).toContain('You confirmed in the browser that you are Jane Doe');
    expect(passwordRequests(real)).toBe(1);

    const verified = await ask(watched, 'verifyLogin', { site: real.site.url, login: 'jdoe', passphrase: jane.passphrase!, signInId });
    expect(verified.ok && verified.user.login).toBe('jdoe');
    expect(passwordRequests(real)).toBe(2);
    expectTokenNowhere(watched);
  });

  it('offers browser sign-in as the first step of a refusal on a site that has it, while the person is unknown', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const refused = await ask(watched, 'verifyLogin', { site: real.site.url, login: 'jane.doe@studio.example', passphrase: 'cedar-lighthouse-36' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.finding.steps[0]?.text).toMatch(/^Let Gridpass find out which: .*confirm in your browser/);
  });

  it('ends a denied sign-in with GP-SIGNIN-REJECTED', async () => {
    const watched = await watchedService();
    const signInId = await started(watched);
    await untilState(watched, signInId, 'waiting');
    await denyPending(watched.real.site.url);
    const failed = await untilState(watched, signInId, 'failed');
    expect(failed.finding.code).toBe('GP-SIGNIN-REJECTED');
  });

  it('ends with GP-SIGNIN-REJECTED when the site forgot the request (its ~305 s lifetime passed)', async () => {
    const siteClock = manualClock();
    const watched = await watchedService({ practice: { clock: siteClock.now } });
    const signInId = await started(watched);
    await untilState(watched, signInId, 'waiting');
    siteClock.advance(306_000);
    const failed = await untilState(watched, signInId, 'failed');
    expect(failed.finding.code).toBe('GP-SIGNIN-REJECTED');
    expect(watched.real.site.appSessionRequests()).toEqual([]);
  });

  it('stops asking after 180 s with GP-SIGNIN-TIMEOUT, polling every 2 s (default timing, on a fake clock)', async () => {
    const clock = new FakeClock();
    const watched = await watchedService({ signInClock: clock, signInTiming: {} });
    const signInId = await started(watched);
    const waiting = await untilState(watched, signInId, 'waiting');
    expect(waiting.secondsLeft).toBe(180);
    let view: BrowserSignInView = waiting;
    while (view.state === 'waiting') {
      // Let the poll in flight come back before time moves on.
      if (clock.pendingTimers === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      else await clock.advance(500);
      view = await ask(watched, 'browserSignInStatus', { signInId });
    }
    expect(view.state === 'failed' && view.finding.code).toBe('GP-SIGNIN-TIMEOUT');
    const polls = watched.real.site.log.entries().filter((entry) => entry.call === 'PUT /internal_api/app_session_request/:id');
    expect(polls).toHaveLength(90);
  });

  it('cancels at any time with GP-SIGNIN-CANCELLED, and the request is never polled again', async () => {
    const watched = await watchedService();
    const signInId = await started(watched);
    await untilState(watched, signInId, 'waiting');
    expect(await ask(watched, 'cancelBrowserSignIn', { signInId })).toEqual({ ok: true });
    const failed = await untilState(watched, signInId, 'failed');
    expect(failed.finding.code).toBe('GP-SIGNIN-CANCELLED');
    const polled = watched.real.site.log.entries().length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watched.real.site.log.entries()).toHaveLength(polled);
  });

  it('does not start on a site whose info says the launcher is off, and opens nothing', async () => {
    const watched = await watchedService({ practice: { appSessionLauncher: false } });
    const answer = await ask(watched, 'startBrowserSignIn', { site: watched.real.site.url });
    expect(answer.ok === false && answer.finding.code).toBe('GP-SIGNIN-OFF');
    expect(watched.real.opened).toEqual([]);
    expect(watched.real.site.log.entries().filter((entry) => entry.call.includes('app_session_request'))).toEqual([]);
  });

  it('answers an unknown sign-in, a verify with it, and a cancel of it without sending anything', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const status = await ask(watched, 'browserSignInStatus', { signInId: 'no-such-sign-in' });
    expect(status.state === 'failed' && status.finding.code).toBe('GP-WIZARD-EXPIRED');
    const cancelled = await ask(watched, 'cancelBrowserSignIn', { signInId: 'no-such-sign-in' });
    expect(cancelled.ok).toBe(false);
    const verified = await ask(watched, 'verifyLogin', { site: real.site.url, login: 'jdoe', passphrase: 'cedar-lighthouse-36', signInId: 'no-such-sign-in' });
    expect(verified.ok === false && verified.finding.code).toBe('GP-WIZARD-EXPIRED');
    expect(passwordRequests(real)).toBe(0);
  });

  it('narrows a diagnosis by the person main confirmed: the wrong login named, no password sent, the report says who', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const jane = practiceAccount(real.site, 'legacy-login-differs');
    const { signInId } = await approvedBy(watched, jane.login, 'jane.doe@studio.example');
    const { status, report } = await diagnosed(watched, {
      target: { kind: 'site', site: real.site.url, login: 'jane.doe@studio.example', passphrase: jane.passphrase! },
      signInId,
    });
    expect(status.verdict?.finding?.code).toBe('GP-AUTH-WRONG-LOGIN');
    expect(status.verdict?.finding?.title).toContain('"jdoe"');
    expect((JSON.parse(report) as { signedIn: { login: string; name: string } | null }).signedIn).toMatchObject({ login: 'jdoe', name: 'Jane Doe' });
    expect(passwordRequests(real)).toBe(0);
    expectTokenNowhere(watched);
  });

  it('an unknown sign-in given to a diagnosis is its verdict, with no person and no password sent', async () => {
    const watched = await watchedService();
    const { real } = watched;
    const jane = practiceAccount(real.site, 'legacy-login-differs');
    const { status, report } = await diagnosed(watched, {
      target: { kind: 'site', site: real.site.url, login: 'jdoe', passphrase: jane.passphrase! },
      signInId: 'no-such-sign-in',
    });
    expect(status.verdict?.ok).toBe(false);
    expect(status.verdict?.finding?.explanation).toContain('That browser sign-in is no longer known');
    expect((JSON.parse(report) as { signedIn: unknown }).signedIn).toBeNull();
    expect(passwordRequests(real)).toBe(0);
  });

  it('forgets a confirmed person at the end of a booking', async () => {
    const watched = await watchedService();
    const { signInId } = await approvedBy(watched, 'jdoe');
    await ask(watched, 'endOfBooking', {});
    const status = await ask(watched, 'browserSignInStatus', { signInId });
    expect(status.state).toBe('failed');
  });
});
