import { practiceAccount } from '../fixtures/practice-site';
import { checkRow } from '../fixtures/browser/diagnose-screen';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { continueTypingLogin, findSite, startWizard, stepHeading, submitLogin } from '../fixtures/browser/wizard-walk';

test.describe('onboarding on a single sign-on site', () => {
  test.use({ realServiceOptions: { practice: { method: 'saml2' } } });

  test('says plainly that password logins are refused by design, and what works instead', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;

    await startWizard(app);
    await findSite(page, site.url, 'Single sign-on (SSO)');
    await continueTypingLogin(page);

    await expect(stepHeading(page, 'Your site uses single sign-on')).toBeFocused();
    await expect(page.getByText(/refuses a login name and password from tools, by design/)).toBeVisible();
    const instead = page.locator('.panel').filter({ has: page.getByRole('heading', { name: 'What works instead' }) });
    await expect(instead).toContainText('a script key');
    await expect(instead).toContainText('only if your admin allows legacy login');
    await expect(page.getByRole('button', { name: 'Run the checks' })).toBeVisible();
    await app.screenshot('sso-explained', { fullPage: true });
    await app.expectAccessible();
  });

  test('offers the checks, which say the same from the site itself', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;

    await startWizard(app);
    await findSite(page, site.url, 'Single sign-on (SSO)');
    await continueTypingLogin(page);
    await page.getByRole('button', { name: 'Run the checks' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Diagnose' })).toBeFocused();
    await expect(page.getByLabel('Site address')).toHaveValue(site.url);
    await page.getByRole('button', { name: 'Run the checks' }).click();
    await expect(checkRow(page, 'Login method')).toContainText('Single sign-on');
    const verdict = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2, name: 'This site does not accept logins with a password from tools' }) });
    await expect(verdict).toContainText('GP-AUTH-SSO-ONLY');
    // Nothing is broken, but it is not a plain pass either: a warning, said once.
    await expect(verdict.getByRole('region', { name: 'Warning: This site does not accept logins with a password from tools' })).toBeVisible();
    await expect(verdict.getByText('This site does not accept logins with a password from tools', { exact: true }).filter({ visible: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Copy report' })).toBeVisible();
    await app.screenshot('sso-diagnose', { fullPage: true });
    await app.expectAccessible();
  });

  test('explains the refusal inline when someone tries a password anyway', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;
    const maya = practiceAccount(site, 'works');

    await startWizard(app);
    await findSite(page, site.url, 'Single sign-on (SSO)');
    await continueTypingLogin(page);
    await page.getByRole('button', { name: 'My admin allows legacy login' }).click();

    await expect(stepHeading(page, 'Check your login')).toBeFocused();
    site.log.clear();
    await submitLogin(page, maya.login, 'my-sso-password');
    const finding = page.getByRole('region', { name: 'Warning: This site does not accept logins with a password from tools' });
    await expect(finding).toContainText('By design');
    await expect(finding).toContainText('script key');
    await expect(finding).toContainText('GP-AUTH-SSO-ONLY');
    expect(site.log.credentialedCount(maya.login)).toBe(1);
    await app.screenshot('sso-refused', { fullPage: true });
    await app.expectAccessible();
  });
});
