import { practiceAccount } from '../fixtures/practice-site';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { continueTypingLogin, findSite, startWizard, stepHeading, submitLogin } from '../fixtures/browser/wizard-walk';

test.describe('onboarding on a site that still uses its own logins', () => {
  test.use({ realServiceOptions: { practice: { method: 'default' } } });

  test('needs no token yet: checks the login and saves it', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;
    const maya = practiceAccount(site, 'works');
    const { host } = new URL(site.url);

    await startWizard(app);
    await findSite(page, site.url, 'ShotGrid login');
    await continueTypingLogin(page);

    await expect(stepHeading(page, 'No token needed yet')).toBeFocused();
    await expect(page.getByText('Step 4 of 7')).toBeVisible();
    await expect(page.getByText('you don’t need a Personal Access Token today')).toBeVisible();
    await expect(page.getByText(/If yours moves later/)).toBeVisible();
    await app.screenshot('default-no-pat');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(stepHeading(page, 'Check your login')).toBeFocused();
    await expect(page.getByLabel('ShotGrid password')).toBeVisible();
    await expect(page.getByRole('button', { name: /Forgot your password/ })).toBeVisible();
    await app.screenshot('default-verify');
    await app.expectAccessible();
    await submitLogin(page, maya.login, maya.passphrase!);
    await expect(page.getByText(`Your login works on ${host}`)).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(stepHeading(page, 'Save your login')).toBeFocused();
    // There was no token to hold, so there is none to keep.
    await expect(page.getByLabel(/Also keep my token/)).toHaveCount(0);
    // The secret keeps the name its field had ("ShotGrid password"), and the usual interval is one of the choices.
    await expect(page.locator('.step .lead')).toContainText('Gridpass keeps your password in your computer’s keychain');
    const interval = page.getByLabel('Check this login');
    await expect(interval).toHaveValue('6');
    await expect(interval.locator('option:checked')).toHaveText('every 6 hours');
    await expect(page.getByRole('button', { name: 'Check my login' })).toHaveCount(0);
    await app.screenshot('default-save');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(stepHeading(page, 'You’re all set')).toBeFocused();
    await expect(page.locator('.panel')).toContainText('your password');
    await app.screenshot('default-done');
    await app.expectAccessible();

    expect(realService.opened).toEqual([]);
    expect(await realService.vault.list()).toEqual({ ok: true, value: [{ kind: 'passphrase', host, login: maya.login }, { kind: 'session', host, login: maya.login }] });
  });
});
