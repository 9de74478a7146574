import { PRACTICE_TWO_FACTOR } from '../../src/practice-site/practice-seed';
import { practiceAccount } from '../fixtures/practice-site';
import { expectNoSecretsInPage } from '../fixtures/browser/secrets-in-page';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { atVerifyStep, submitLogin } from '../fixtures/browser/wizard-walk';
import type { PracticeSite } from '../../src/practice-site/practice-site';

/** Requests that carried the login and passphrase (each one counts towards ShotGrid's lockout). */
function passwordSignIns(site: PracticeSite, login: string): number {
  return site.log.entries().filter((entry) => entry.authKind === 'password' && entry.principal === login).length;
}

test.describe('when the site refuses a login', () => {
  test('a wrong passphrase: the finding inline, the lockout count, and one sign-in per click', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;
    const maya = practiceAccount(site, 'works');
    const wrong = 'copper-lantern-24';
    await atVerifyStep(app, realService);

    await submitLogin(page, maya.login, wrong);
    const finding = page.getByRole('region', { name: 'Problem: Login refused: check the legacy passphrase and the Personal Access Token' });
    await expect(finding).toBeVisible();
    // The button that was pressed is disabled until a passphrase is typed again, so the refusal takes focus.
    await expect(finding.getByRole('heading')).toBeFocused();
    await expect(finding).toContainText('GP-AUTH-NO-PAT');
    // The full steps are one click away, behind the disclosure.
    await expect(finding.locator('ol.finding-steps')).toBeHidden();
    await finding.getByText('Show all steps').click();
    expect(await finding.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await expect(finding.locator('ol.finding-steps')).toBeVisible();
    const lockout = page.getByRole('note').filter({ hasText: 'Failed sign-ins from Gridpass' });
    await expect(lockout).toContainText('Failed sign-ins from Gridpass for this login: 1 of 10.');
    await expect(lockout).toContainText('(9 left)');
    // The login stays for the next try; the passphrase does not.
    await expect(page.getByLabel('ShotGrid login')).toHaveValue(maya.login);
    await expect(page.getByLabel('Legacy passphrase', { exact: true })).toHaveValue('');
    await expectNoSecretsInPage(page, [wrong]);
    await app.screenshot('refused-wrong-passphrase', { fullPage: true });
    await app.expectAccessible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('refused-wrong-passphrase-dark', { fullPage: true });
    await app.expectAccessible();
    await page.emulateMedia({ colorScheme: 'light' });

    // Gridpass asked once and stopped: nothing more reaches the site while the person reads.
    await page.waitForTimeout(500);
    expect(site.log.credentialedCount(maya.login)).toBe(1);

    await page.getByLabel('Legacy passphrase', { exact: true }).fill(maya.passphrase!);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText(/^Your login works on/)).toBeVisible();
    await expect(finding).toHaveCount(0);
    expect(site.log.credentialedCount(maya.login)).toBe(2);
    await expectNoSecretsInPage(page, [wrong, maya.passphrase!]);
  });

  test('a locked account: says so inline, with what to do', async ({ app, realService }) => {
    const { page } = app;
    const sofia = practiceAccount(realService.site, 'locked');
    await atVerifyStep(app, realService);

    await submitLogin(page, sofia.login, sofia.passphrase!);
    const finding = page.getByRole('region', { name: 'Problem: The account is locked after too many failed logins' });
    await expect(finding).toContainText('GP-ACCOUNT-LOCKED');
    await expect(finding).toContainText('Wait one hour');
    await expect(finding).toContainText('Gridpass never retries by itself');
    expect(realService.site.log.credentialedCount(sofia.login)).toBe(1);
    await app.screenshot('refused-locked', { fullPage: true });
    await app.expectAccessible();
  });

  test('two-step verification: asks for the code, refuses a wrong one clearly, verifies with a right one', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;
    const lucas = practiceAccount(site, 'two-factor');
    const [code] = PRACTICE_TWO_FACTOR.codes;
    await atVerifyStep(app, realService);

    await submitLogin(page, lucas.login, lucas.passphrase!);
    await expect(page.getByRole('heading', { level: 3, name: 'Enter your verification code' })).toBeFocused();
    expect(passwordSignIns(site, lucas.login)).toBe(1);
    await expect(page.getByLabel('Legacy passphrase', { exact: true })).toHaveCount(0);
    await app.screenshot('two-factor-asked');
    await app.expectAccessible();

    await page.getByLabel('Verification code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Verify code' }).click();
    // The code was wrong, not the passphrase: neither the alert nor the count says otherwise.
    await expect(page.getByRole('alert')).toContainText('The verification code was wrong, already used or expired');
    await expect(page.getByRole('alert')).toContainText('your passphrase is not the problem');
    await expect(page.getByRole('note').filter({ hasText: 'Failed sign-ins from Gridpass' })).toContainText(/\(\d+ left\)/);
    await expect(page.getByText('Check the passphrase')).toHaveCount(0);
    await expect(page.getByLabel('Verification code', { exact: true })).toHaveValue('');
    expect(passwordSignIns(site, lucas.login)).toBe(2);
    await app.screenshot('two-factor-refused');
    await app.expectAccessible();

    // Backing out of the code goes to the login fields, focused on the login to change.
    await page.getByRole('button', { name: 'Use a different login' }).click();
    await expect(page.getByLabel('ShotGrid login')).toBeFocused();
    await expect(page.getByLabel('Legacy passphrase', { exact: true })).toHaveValue('');
    await page.getByLabel('Legacy passphrase', { exact: true }).fill(lucas.passphrase!);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3, name: 'Enter your verification code' })).toBeFocused();
    expect(passwordSignIns(site, lucas.login)).toBe(3);

    await page.getByLabel('Verification code', { exact: true }).fill(code!);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Your login works on/)).toBeVisible();
    await expect(page.locator('.success-panel')).toContainText(`${lucas.firstname} ${lucas.lastname}`);
    // One sign-in per click (without a code, with the wrong one, again without, with the right one),
    // never more; the right code buys a session, which reads who Lucas is.
    expect(passwordSignIns(site, lucas.login)).toBe(4);
    await expectNoSecretsInPage(page, [lucas.passphrase!, code!]);
    await app.screenshot('two-factor-verified');
    await app.expectAccessible();

    // Saving: scheduled checks cannot type a code, and the person hears that before choosing an interval.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Scheduled checks can’t type one')).toBeVisible();
    await app.screenshot('two-factor-save');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Back' }).click();

    // Someone else at this desk: back to the login, with nothing secret kept from Lucas's check.
    await page.getByRole('button', { name: 'Check a different login' }).click();
    await expect(page.getByLabel('ShotGrid login')).toBeFocused();
    await expect(page.getByLabel('ShotGrid login')).toHaveValue(lucas.login);
    await expect(page.getByLabel('Legacy passphrase', { exact: true })).toHaveValue('');
  });
});
