/**
 * The refusal panel in a 720×560 window, with the real service and the practice Identity site: for every
 * refusal the site can produce, the passphrase field and the retry button stay in view without scrolling, in
 * light and dark; the lockout count is said once; a wrong 2FA code is the code's fault; the studio's support
 * appears on the panel and in Diagnose.
 */
import type { Locator, Page } from '@playwright/test';
import { PRACTICE_TWO_FACTOR, type AccountScenario } from '../../src/practice-site/practice-seed';
import { windowSize } from '../fixtures/browser/gridpass-app';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { atVerifyStep, submitLogin } from '../fixtures/browser/wizard-walk';
import { plantedSecret } from '../fixtures/plant-secret';
import { practiceAccount } from '../fixtures/practice-site';

/** Entirely inside the window, and the window's content not scrolled to get it there. */
async function expectInWindow(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, 'no box').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(windowSize.height);
  await expect(locator).toBeInViewport({ ratio: 1 });
}

async function expectNotScrolled(page: Page): Promise<void> {
  expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBe(0);
}

function refusalPanel(page: Page): Locator {
  return page.locator('section.refusal');
}

interface Refusal {
  name: string;
  scenario: AccountScenario;
  /** What is typed as the login: the account's own, or its e-mail where that is the mistake. */
  typedLogin: 'login' | 'email';
  /** The account's own passphrase, or a wrong one. */
  passphrase: 'right' | 'wrong';
  code: string;
}

const refusals: Refusal[] = [
  { name: 'a wrong passphrase', scenario: 'works', typedLogin: 'login', passphrase: 'wrong', code: 'GP-AUTH-NO-PAT' },
  { name: 'no token bound', scenario: 'no-pat', typedLogin: 'login', passphrase: 'right', code: 'GP-AUTH-NO-PAT' },
  { name: 'no passphrase set', scenario: 'no-passphrase', typedLogin: 'login', passphrase: 'wrong', code: 'GP-AUTH-NO-PAT' },
  { name: 'the e-mail typed for a legacy login', scenario: 'legacy-login-differs', typedLogin: 'email', passphrase: 'right', code: 'GP-AUTH-NO-PAT' },
  { name: 'a locked account', scenario: 'locked', typedLogin: 'login', passphrase: 'right', code: 'GP-ACCOUNT-LOCKED' },
  { name: 'an inactive account', scenario: 'inactive', typedLogin: 'login', passphrase: 'right', code: 'GP-ACCOUNT-INACTIVE' },
  { name: 'a deleted account', scenario: 'retired', typedLogin: 'login', passphrase: 'right', code: 'GP-AUTH-NO-PAT' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the refusal panel (${colorScheme})`, () => {
    test.use({ colorScheme });

    for (const refusal of refusals) {
      test(`${refusal.name}: headline, cause, one action; the passphrase and "Try again" in view`, async ({ app, realService }) => {
        const { page } = app;
        const account = practiceAccount(realService.site, refusal.scenario);
        await atVerifyStep(app, realService);
        const login = refusal.typedLogin === 'email' ? account.email : account.login;
        await submitLogin(page, login, refusal.passphrase === 'right' ? (account.passphrase ?? plantedSecret('never-set')) : plantedSecret('wrong-passphrase'));

        const panel = refusalPanel(page);
        await expect(panel).toContainText(refusal.code);
        await expect(panel.getByRole('heading')).toBeFocused();
        await expect(panel.locator('.refusal-cause')).toBeVisible();
        // The whole explanation and the steps wait behind the disclosure.
        await expect(panel.locator('ol.finding-steps')).toBeHidden();
        await expect(panel.getByText('Show all steps')).toBeVisible();
        await app.screenshot(`refusal-panel-${refusal.scenario}-${colorScheme}`);
        await expectInWindow(page.getByLabel('Legacy passphrase', { exact: true }));
        await expectInWindow(page.getByRole('button', { name: 'Try again' }));
        await expectNotScrolled(page);
        await app.expectAccessible();

        await panel.getByText('Show all steps').click();
        await expect(panel.locator('ol.finding-steps')).toBeVisible();
        await app.expectAccessible();
      });
    }

    test('the second refusal: the count said once, beside the panel, and the fields still in view', async ({ app, realService }) => {
      const { page } = app;
      const maya = practiceAccount(realService.site, 'works');
      await atVerifyStep(app, realService);
      await submitLogin(page, maya.login, plantedSecret('wrong-first'));
      await expect(refusalPanel(page)).toBeVisible();
      await page.getByLabel('Legacy passphrase', { exact: true }).fill(plantedSecret('wrong-second'));
      await page.getByRole('button', { name: 'Try again' }).click();
      const notice = page.getByRole('note').filter({ hasText: 'Failed sign-ins from Gridpass' });
      await expect(notice).toContainText('Failed sign-ins from Gridpass for this login: 2 of 10.');
      await refusalPanel(page).getByText('Show all steps').click();
      // The finding's own count is left out: only the notice says how many.
      await expect(page.getByText(/refused logins? for this account/)).toHaveCount(0);
      await expect(page.getByText(/2 of 10/)).toHaveCount(1);
      await refusalPanel(page).getByText('Show all steps').click();
      await expectInWindow(page.getByLabel('Legacy passphrase', { exact: true }));
      await expectInWindow(page.getByRole('button', { name: 'Try again' }));
      await app.screenshot(`refusal-panel-second-${colorScheme}`);
      await app.expectAccessible();
    });

    test('a wrong 2FA code says the code was wrong, with the code field and its button in view', async ({ app, realService }) => {
      const { page } = app;
      const lucas = practiceAccount(realService.site, 'two-factor');
      await atVerifyStep(app, realService);
      await submitLogin(page, lucas.login, lucas.passphrase!);
      await page.getByLabel('Verification code', { exact: true }).fill('000000');
      await page.getByRole('button', { name: 'Verify code' }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The verification code was wrong, already used or expired; your passphrase is not the problem.');
      await expect(page.getByText(/check the passphrase/i)).toHaveCount(0);
      await app.screenshot(`refusal-two-factor-${colorScheme}`);
      await expectInWindow(page.getByLabel('Verification code', { exact: true }));
      await expectInWindow(page.getByRole('button', { name: 'Verify code' }));
      expect(PRACTICE_TWO_FACTOR.codes).not.toContain('000000');
      await app.expectAccessible();
    });
  });
}

test.describe('with a studio\'s support contact', () => {
  test.use({
    realServiceOptions: {
      managedConfig: () => ({
        source: '/etc/gridpass/managed.json',
        studioName: 'Practice Pictures',
        site: null,
        siteLocked: false,
        supportContact: 'pipeline@practice.example',
        helpUrl: 'https://help.practice.example/gridpass',
        checkIntervalHours: null,
        extraAllowedHosts: ['help.practice.example'],
      }),
    },
  });

  test('names it on the refusal panel and in Diagnose', async ({ app, realService }) => {
    const { page } = app;
    const jonas = practiceAccount(realService.site, 'no-pat');
    await atVerifyStep(app, realService);
    await submitLogin(page, jonas.login, jonas.passphrase!);
    const panel = refusalPanel(page);
    await expect(panel).toContainText('Still stuck? Ask pipeline@practice.example');
    await expect(panel.getByRole('button', { name: /Studio help page/ })).toBeVisible();
    // On a site with browser sign-in, the panel's one action starts it, in view too.
    await expectInWindow(panel.getByRole('button', { name: 'Confirm who you are in your browser' }));
    await app.screenshot('refusal-panel-studio-support');
    await expectInWindow(page.getByRole('button', { name: 'Try again' }));
    await app.expectAccessible();

    await app.open('diagnose');
    await page.getByLabel('Site address').fill(realService.site.url);
    await page.getByLabel('Login (optional)').fill(jonas.login);
    await page.getByLabel('Passphrase or password (optional)').fill(jonas.passphrase!);
    await page.getByRole('button', { name: 'Run the checks' }).click();
    const verdict = page.locator('section.verdict');
    await expect(verdict).toContainText('GP-AUTH-NO-PAT');
    await expect(verdict).toContainText('Still stuck? Ask pipeline@practice.example');
    await expect(page.getByText('Still stuck?')).toHaveCount(1);
    await app.screenshot('diagnose-studio-support', { fullPage: true });
    await app.expectAccessible();
  });
});
