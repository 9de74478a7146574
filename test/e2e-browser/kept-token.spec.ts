import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { givenSavedLogin } from '../fixtures/browser/given-saved-login';
import { continueTypingLogin, findSite, startWizard, stepHeading } from '../fixtures/browser/wizard-walk';

const keptToken = 'gpKEPT0123456789abcdefXYZ';

test.describe('a token kept in the keychain', () => {
  test('can be copied again from Accounts, to bind it again after an account reset', async ({ app, realService }) => {
    await givenSavedLogin(realService, 'works', { keptPat: keptToken });
    await app.open('accounts');
    await app.page.getByRole('button', { name: 'Copy token' }).click();
    await expect(app.page.getByText(/Copied\. Gridpass clears the clipboard in 60 seconds\./)).toBeVisible();
    expect(realService.clipboard.text).toBe(keptToken);
    expect(await app.page.content()).not.toContain(keptToken);
    await app.expectAccessible();
  });

  test('is offered on the bind step of a new setup, with what to do if the site will not take it', async ({ app, realService }) => {
    await givenSavedLogin(realService, 'works', { keptPat: keptToken });
    const { page } = app;
    await startWizard(app);
    await findSite(page, realService.site.url, 'Autodesk Identity');
    await continueTypingLogin(page);
    // The passphrase is set and a token exists already: "I've already done this" on both steps.
    await expect(stepHeading(page, 'Set a legacy passphrase')).toBeFocused();
    await page.getByRole('button', { name: 'I’ve already done this' }).click();
    await expect(stepHeading(page, 'Create a Personal Access Token')).toBeFocused();
    await page.getByRole('button', { name: 'I’ve already done this' }).click();
    await expect(stepHeading(page, 'Connect the token to ShotGrid')).toBeFocused();

    await page.getByRole('button', { name: 'Copy the token I kept' }).click();
    await expect(page.getByText(/Copied\./)).toBeVisible();
    expect(realService.clipboard.text).toBe(keptToken);
    await expect(page.getByText(/If the site won’t bind it, go back and create a new token/)).toBeVisible();
    await app.screenshot('wizard-bind-kept-token');
    await app.expectAccessible();
  });
});
