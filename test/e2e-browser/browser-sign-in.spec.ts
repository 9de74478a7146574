/**
 * Browser sign-in (App Session Launcher) end to end: the real renderer in Chromium, the real service, a
 * practice site on loopback and the real keychain. Approvals and denials come through the practice site's
 * controls as a chosen seeded person, as the person's click in a signed-in browser would. Every session id
 * the site hands out starts with a planted secret, which must reach neither the page nor any answer the
 * service gives the page.
 */
import type { GridpassHandlers } from '../../src/ipc/contract';
import type { RealService } from '../fixtures/real-service';
import { approveAs, denyPending, nextPendingRequest } from '../fixtures/app-session-approval';
import { givenSavedLogin } from '../fixtures/browser/given-saved-login';
import type { GridpassApp } from '../fixtures/browser/gridpass-app';
import { expect, test as realTest } from '../fixtures/browser/real-gridpass-app';
import { findSite, startWizard, stepHeading, submitLogin } from '../fixtures/browser/wizard-walk';
import { leakedFragments, plantedSecret } from '../fixtures/plant-secret';
import { manualClock, practiceAccount } from '../fixtures/practice-site';

const plantedSession = plantedSecret('session');
/** Polls quickly, so an approval shows at once; the 2 s / 180 s timing has its own tests on a fake clock. */
const signInTiming = { pollIntervalMs: 50, retryBackoffMs: 10 };

/** Each answer the service gave the page, serialised, to search for the planted session. */
const test = realTest.extend<{ answers: string[] }>({
  answers: async ({}, use) => use([]),
  gridpassHandlers: async ({ realService, answers }, use) => use(recordingAnswers(realService.service, answers)),
});

function recordingAnswers(service: GridpassHandlers, answers: string[]): GridpassHandlers {
  const wrapped: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(service) as Array<[string, unknown]>) {
    if (typeof handler !== 'function') continue;
    wrapped[name] = async (request) => {
      const answer: unknown = await (handler as (request: unknown) => Promise<unknown>)(request);
      answers.push(JSON.stringify(answer));
      return answer;
    };
  }
  return wrapped as unknown as GridpassHandlers;
}

async function expectSessionNowhere(app: GridpassApp, answers: string[]): Promise<void> {
  expect(answers.some((answer) => answer.includes('"approved"')), 'the page never saw an approval').toBe(true);
  expect(leakedFragments(await app.page.content(), [plantedSession]), 'the page shows the session').toEqual([]);
  expect(leakedFragments(answers.join('\n'), [plantedSession]), 'an answer to the page carries the session').toEqual([]);
}

function passwordRequests(real: RealService): number {
  return real.site.log.entries().filter((entry) => entry.authKind === 'password').length;
}

/** From the welcome to the sign-in step of the practice site. */
async function atSignInStep(app: GridpassApp, real: RealService, label = 'Autodesk Identity'): Promise<void> {
  await startWizard(app);
  await findSite(app.page, real.site.url, label);
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(app.page, 'Confirm who you are')).toBeFocused();
}

/** Starts the sign-in and waits until the window shows the approval link. */
async function startSignIn(app: GridpassApp, start: () => Promise<void>): Promise<string> {
  await start();
  const waiting = app.page.locator('.sign-in-waiting');
  await expect(waiting.getByRole('heading', { name: 'Approve “Gridpass” in your browser' })).toBeFocused();
  const url = (await waiting.locator('.approval-link code').textContent()) ?? '';
  expect(url).toMatch(/\/app_session_request\/[0-9a-f]+\?sticky_id=/);
  return url;
}

/** Through the Identity steps the person has done already, to "Check your login". */
async function pastIdentitySteps(app: GridpassApp): Promise<void> {
  for (const step of ['Set a legacy passphrase', 'Create a Personal Access Token', 'Connect the token to ShotGrid']) {
    await expect(stepHeading(app.page, step)).toBeFocused();
    await app.page.getByRole('button', { name: 'I’ve already done this' }).click();
  }
  await expect(stepHeading(app.page, 'Check your login')).toBeFocused();
}

test.describe('browser sign-in on an Autodesk Identity site', () => {
  test.use({ realServiceOptions: { practice: { sessionIdPrefix: plantedSession }, signInTiming } });

  test('confirms who the person is, then passphrase, check and save with the login the site knows them by', async ({ app, realService, answers }) => {
    const { page } = app;
    const { site } = realService;
    const jane = practiceAccount(site, 'legacy-login-differs');
    await atSignInStep(app, realService);
    await expect(page.getByText('Step 3 of 9')).toBeVisible();
    await app.screenshot('sign-in-offered');
    await app.expectAccessible();

    const url = await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    expect(new URL(url).origin).toBe(site.url);
    await expect.poll(() => realService.opened).toEqual([url]);
    await expect(page.locator('.sign-in-waiting')).toContainText(/Time left: [23]:\d\d/);
    await expect(page.locator('.sign-in-waiting')).toContainText('Your browser opened');
    await page.getByRole('button', { name: 'Copy approval link' }).click();
    await expect.poll(() => realService.clipboard.text).toBe(url);
    await app.screenshot('sign-in-waiting');
    await app.expectAccessible();

    await approveAs(site.url, jane.login);
    await expect(page.getByRole('heading', { name: 'You are Jane Doe, legacy login jdoe' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Not you?' })).toBeVisible();
    await app.screenshot('sign-in-confirmed');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Continue' }).click();

    await pastIdentitySteps(app);
    const login = page.getByLabel('ShotGrid login');
    await expect(login).toHaveValue('jdoe');
    await expect(login).toHaveAttribute('readonly', '');
    await expect(page.locator('#login-hint')).toContainText('Confirmed in your browser: Jane Doe signs in to tools as jdoe.');
    await app.screenshot('sign-in-verify-confirmed');
    await app.expectAccessible();
    await page.getByLabel('Legacy passphrase', { exact: true }).fill(jane.passphrase!);
    await page.getByRole('button', { name: 'Check my login' }).click();
    await expect(page.getByText(`Your login works on ${new URL(site.url).host}`)).toBeVisible();
    expect(passwordRequests(realService)).toBe(1);
    expect(app.requestsTo('verifyLogin')).toEqual([expect.objectContaining({ login: 'jdoe', signInId: expect.any(String) })]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(stepHeading(page, 'You’re all set')).toBeFocused();
    const { host } = new URL(site.url);
    expect(await realService.vault.read({ kind: 'passphrase', host, login: 'jdoe' })).toEqual({ ok: true, value: jane.passphrase });
    await expectSessionNowhere(app, answers);
  });

  test('catches a typed login that is not the person’s before any passphrase is sent', async ({ app, realService, answers }) => {
    const { page } = app;
    const { site } = realService;
    const jane = practiceAccount(site, 'legacy-login-differs');
    await atSignInStep(app, realService);
    await page.getByRole('button', { name: 'Type my login instead' }).click();
    await pastIdentitySteps(app);
    await page.getByLabel('ShotGrid login').fill('jane.doe@studio.example');
    await page.getByLabel('Legacy passphrase', { exact: true }).fill(jane.passphrase!);

    await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    await approveAs(site.url, jane.login);
    const finding = page.getByRole('region', { name: 'Problem: Your login on this site is "jdoe"' });
    await expect(finding).toContainText('GP-AUTH-WRONG-LOGIN');
    await expect(finding).toContainText('legacy login there is "jdoe", not "jane.doe@studio.example"');
    // Gridpass asks first: the check waits until the person picks a login.
    await expect(page.getByRole('button', { name: 'Check my login' })).toBeDisabled();
    expect(passwordRequests(realService)).toBe(0);
    await app.screenshot('sign-in-wrong-login-before-sending', { fullPage: true });
    await app.expectAccessible();

    await page.getByRole('button', { name: 'Use “jdoe”' }).click();
    await expect(page.getByLabel('ShotGrid login')).toHaveValue('jdoe');
    await page.getByLabel('Legacy passphrase', { exact: true }).fill(jane.passphrase!);
    await page.getByRole('button', { name: 'Check my login' }).click();
    await expect(page.getByText(/^Your login works on/)).toBeVisible();
    expect(site.log.entries().filter((entry) => entry.authKind === 'password').map((entry) => entry.principal)).toEqual(['jdoe']);
    await expectSessionNowhere(app, answers);
  });

  test('after a refusal, the panel’s one action confirms in the browser; the right login replaces the refusal and then works', async ({ app, realService, answers }) => {
    const { page } = app;
    const { site } = realService;
    const jane = practiceAccount(site, 'legacy-login-differs');
    await atSignInStep(app, realService);
    await page.getByRole('button', { name: 'Type my login instead' }).click();
    await pastIdentitySteps(app);
    await submitLogin(page, 'jane.doe@studio.example', jane.passphrase!);
    const refusal = page.locator('section.refusal');
    await expect(refusal).toContainText('GP-AUTH-NO-PAT');
    expect(passwordRequests(realService)).toBe(1);
    // The panel's action is the only way offered to start it: the fields do not offer it a second time.
    await expect(page.getByRole('button', { name: 'Confirm who you are in your browser' })).toHaveCount(1);

    await startSignIn(app, () => refusal.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    await approveAs(site.url, jane.login);
    const finding = page.getByRole('region', { name: 'Problem: Your login on this site is "jdoe"' });
    await expect(finding).toContainText('GP-AUTH-WRONG-LOGIN');
    await expect(finding).toContainText('legacy login there is "jdoe", not "jane.doe@studio.example"');
    // Only the answer: the refusal it explains is no longer on screen.
    await expect(refusal).toHaveCount(0);
    await expect(page.getByText('GP-AUTH-NO-PAT')).toHaveCount(0);
    // Finding out sent no passphrase.
    expect(passwordRequests(realService)).toBe(1);
    await app.screenshot('sign-in-wrong-login-after-refusal', { fullPage: true });
    await app.expectAccessible();

    await page.getByRole('button', { name: 'Use “jdoe”' }).click();
    await expect(page.getByLabel('ShotGrid login')).toHaveValue('jdoe');
    await expect(page.locator('section.refusal')).toHaveCount(0);
    await page.getByLabel('Legacy passphrase', { exact: true }).fill(jane.passphrase!);
    await page.getByRole('button', { name: 'Check my login' }).click();
    await expect(page.getByRole('heading', { name: `Your login works on ${new URL(site.url).host}` })).toBeFocused();
    expect(app.requestsTo('verifyLogin').at(-1)).toEqual(expect.objectContaining({ login: 'jdoe', signInId: expect.any(String) }));
    expect(site.log.entries().filter((entry) => entry.authKind === 'password').map((entry) => entry.principal)).toEqual(['jane.doe@studio.example', 'jdoe']);
    await app.screenshot('sign-in-right-login-after-refusal');
    await app.expectAccessible();
    await expectSessionNowhere(app, answers);
  });

  test('Diagnose: confirmed in the browser first, the e-mail typed for jdoe is named wrong without sending the passphrase', async ({ app, realService, answers }) => {
    const { page } = app;
    const { site } = realService;
    const jane = practiceAccount(site, 'legacy-login-differs');
    await app.open('diagnose');
    await page.getByLabel('Site address').fill(site.url);
    await page.getByLabel('Login (optional)').fill('jane.doe@studio.example');
    await page.getByLabel('Passphrase or password (optional)').fill(jane.passphrase!);
    await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser first' }).click());
    await approveAs(site.url, jane.login);
    await expect(page.getByRole('heading', { name: 'You are Jane Doe, legacy login jdoe' })).toBeVisible();
    await page.getByRole('button', { name: 'Run the checks' }).click();
    const verdict = page.locator('section.verdict');
    await expect(verdict).toContainText('GP-AUTH-WRONG-LOGIN');
    await expect(verdict).toContainText('"jdoe"');
    expect(app.requestsTo('startDiagnose')).toEqual([expect.objectContaining({ signInId: expect.any(String) })]);
    expect(passwordRequests(realService)).toBe(0);
    await app.screenshot('diagnose-confirmed-wrong-login', { fullPage: true });
    await app.expectAccessible();
    await expectSessionNowhere(app, answers);
  });

  test('a denied sign-in ends in a finding, with the way back to typing the login', async ({ app, realService }) => {
    const { page } = app;
    await atSignInStep(app, realService);
    await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    await denyPending(realService.site.url);
    await expect(page.getByRole('region', { name: /denied or has expired/ })).toContainText('GP-SIGNIN-REJECTED');
    await app.screenshot('sign-in-denied');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Type my login instead' }).click();
    await expect(stepHeading(page, 'Set a legacy passphrase')).toBeFocused();
  });

  test('cancel stops the wait; trying again starts a fresh request', async ({ app, realService }) => {
    const { page } = app;
    await atSignInStep(app, realService);
    await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    const first = await nextPendingRequest(realService.site.url);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('region', { name: 'Note: Browser sign-in cancelled' })).toContainText('GP-SIGNIN-CANCELLED');
    await app.screenshot('sign-in-cancelled');
    await app.expectAccessible();

    await startSignIn(app, () => page.getByRole('button', { name: 'Try again in the browser' }).click());
    const second = await nextPendingRequest(realService.site.url);
    expect(second.id).not.toBe(first.id);
    await approveAs(realService.site.url, 'jdoe');
    await expect(page.getByRole('heading', { name: 'You are Jane Doe, legacy login jdoe' })).toBeVisible();
    await page.getByRole('button', { name: 'Not you?' }).click();
    await expect(page.getByRole('button', { name: 'Confirm who you are in your browser' })).toBeVisible();
  });
});

test.describe('a sign-in request the site let expire', () => {
  const siteClock = manualClock();
  test.use({ realServiceOptions: { practice: { sessionIdPrefix: plantedSession, clock: siteClock.now }, signInTiming } });

  test('ends as expired once the site forgot it, without waiting for it', async ({ app, realService }) => {
    const { page } = app;
    await atSignInStep(app, realService);
    await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    // The site forgets a pending request after about five minutes (its clock, moved on by hand).
    siteClock.advance(306_000);
    await expect(page.getByRole('region', { name: /denied or has expired/ })).toContainText('GP-SIGNIN-REJECTED');
    await app.screenshot('sign-in-expired');
    await app.expectAccessible();
    await expect(page.getByRole('button', { name: 'Type my login instead' })).toBeVisible();
  });
});

test.describe('a site without the App Session Launcher', () => {
  test.use({ realServiceOptions: { practice: { appSessionLauncher: false }, signInTiming } });

  test('keeps the typed-login path and offers no browser sign-in', async ({ app, realService }) => {
    const { page } = app;
    await startWizard(app);
    await findSite(page, realService.site.url, 'Autodesk Identity');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(stepHeading(page, 'Set a legacy passphrase')).toBeFocused();
    await expect(page.getByText('Step 3 of 8')).toBeVisible();
    await pastIdentitySteps(app);
    await expect(page.getByRole('button', { name: /Confirm who you are/ })).toHaveCount(0);
    await expect(page.getByLabel('ShotGrid login')).toBeEditable();
  });
});

test.describe('a single sign-on site with the App Session Launcher', () => {
  test.use({ realServiceOptions: { practice: { method: 'saml2', sessionIdPrefix: plantedSession }, signInTiming } });

  test('says Toolkit tools sign in this way and scripts need a script key, and confirms the person', async ({ app, realService, answers }) => {
    const { page } = app;
    const maya = practiceAccount(realService.site, 'works');
    await atSignInStep(app, realService, 'Single sign-on (SSO)');
    const note = page.locator('.panel').filter({ has: page.getByRole('heading', { name: 'On this single sign-on site' }) });
    await expect(note).toContainText('tools built on ShotGrid Toolkit');
    await expect(note).toContainText('will work');
    await expect(note).toContainText('script key');
    await app.screenshot('sign-in-sso', { fullPage: true });
    await app.expectAccessible();

    await startSignIn(app, () => page.getByRole('button', { name: 'Confirm who you are in your browser' }).click());
    await approveAs(realService.site.url, maya.login);
    await expect(page.getByRole('heading', { name: `You are ${maya.firstname} ${maya.lastname}, legacy login ${maya.login}` })).toBeFocused();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(stepHeading(page, 'Your site uses single sign-on')).toBeFocused();
    await expectSessionNowhere(app, answers);
  });
});

test.describe('Confirm in browser on a saved login', () => {
  test.use({ realServiceOptions: { practice: { sessionIdPrefix: plantedSession }, signInTiming } });

  test('re-identifies the person, and says so when someone else approved', async ({ app, realService, answers }) => {
    const { page } = app;
    const maya = practiceAccount(realService.site, 'works');
    await givenSavedLogin(realService, 'works');
    realService.site.log.clear();
    await app.open('accounts');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` }) });

    await startSignIn(app, () => card.getByRole('button', { name: 'Confirm in browser' }).click());
    await approveAs(realService.site.url, maya.login);
    await expect(card.getByRole('heading', { name: `You are ${maya.firstname} ${maya.lastname}, legacy login ${maya.login}` })).toBeFocused();
    await expect(card).toContainText('That is the login saved here');
    await app.screenshot('accounts-confirmed-in-browser', { fullPage: true });
    await app.expectAccessible();
    await card.getByRole('button', { name: 'Done' }).click();
    await expect(card.getByRole('button', { name: 'Confirm in browser' })).toBeFocused();

    // The browser was signed in as someone else: the saved login is not theirs.
    await startSignIn(app, () => card.getByRole('button', { name: 'Confirm in browser' }).click());
    await approveAs(realService.site.url, 'jdoe');
    await expect(card.getByRole('region', { name: 'Problem: Your login on this site is "jdoe"' })).toContainText('GP-AUTH-WRONG-LOGIN');
    await app.screenshot('accounts-confirmed-mismatch', { fullPage: true });
    await app.expectAccessible();
    expect(passwordRequests(realService)).toBe(0);
    await expectSessionNowhere(app, answers);
  });
});
