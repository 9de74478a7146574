import { readFile } from 'node:fs/promises';
import { practiceAccount } from '../fixtures/practice-site';
import { expectNoSecretsInPage } from '../fixtures/browser/secrets-in-page';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { continueTypingLogin, findSite, startWizard, stepHeading, submitLogin } from '../fixtures/browser/wizard-walk';

/** What the person pastes from their Autodesk profile: made up here, never sent to any site. */
const pastedPat = 'gpPRACTICEpat7Hq2Lm9Xw4Zr8Tn';
const autodeskProfile = 'https://profile.autodesk.com/';

test.describe('onboarding on an Autodesk Identity site', () => {
  test('walks from the site address to a saved, working login', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;
    const maya = practiceAccount(site, 'works');
    const passphrase = maya.passphrase!;
    // The wizard, saved logins and keychain entries all name the site by host and port.
    const { host } = new URL(site.url);

    await startWizard(app);
    // One shape of step label throughout: the total is the longest path until the site is known.
    await expect(page.getByText('Step 2 of up to 9')).toBeVisible();
    await findSite(page, `   ${site.url}  `, 'Autodesk Identity');
    await expect(page.getByText('Step 2 of 9')).toBeVisible();
    await expect(page.locator('.site-host')).toHaveText(host);
    await expect(page.getByText('This is Gridpass’s practice site')).toBeVisible();
    await app.screenshot('identity-site-found');
    await app.expectAccessible();
    await continueTypingLogin(page);

    // Passphrase: the one main action opens the site, then "Continue" takes over.
    await expect(stepHeading(page, 'Set a legacy passphrase')).toBeFocused();
    await expect(page.getByText('Step 4 of 9')).toBeVisible();
    await app.screenshot('identity-passphrase', { fullPage: true });
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Open Account Settings' }).click();
    await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
    expect(realService.opened).toEqual([site.url]);
    await page.getByRole('button', { name: 'Continue' }).click();

    // Create a token: open the Autodesk profile, paste the token into Gridpass to hold.
    await expect(stepHeading(page, 'Create a Personal Access Token')).toBeFocused();
    await page.getByRole('button', { name: 'Open my Autodesk profile' }).click();
    await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
    expect(realService.opened).toEqual([site.url, autodeskProfile]);
    // Copying the page's address instead of the code is an easy slip: said plainly, at the field.
    const tokenField = page.getByLabel('Token code');
    await tokenField.fill(`${site.url}/page/account_settings`);
    await page.getByRole('button', { name: 'Keep it here' }).click();
    await expect(tokenField).toHaveAccessibleDescription(/That is a web address, not a token\./);
    await expect(tokenField).toHaveAttribute('aria-invalid', 'true');
    await expect(tokenField).toBeFocused();
    await tokenField.fill(`  ${pastedPat}\n`);
    await page.getByRole('button', { name: 'Keep it here' }).click();
    await expect(page.getByText(`Your token is kept here until the next step (${pastedPat.length} characters).`)).toBeVisible();
    await expect(tokenField).toHaveValue('');
    await expect(tokenField).toHaveAttribute('aria-invalid', 'false');
    // "Keep it here" is disabled with the field empty; focus stays in the form rather than dropping out of it.
    await expect(tokenField).toBeFocused();
    await app.screenshot('identity-create-pat', { fullPage: true });
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Bind: Gridpass copies the held token, for pasting into Account Settings.
    await expect(stepHeading(page, 'Connect the token to ShotGrid')).toBeFocused();
    await page.getByRole('button', { name: 'Copy my token' }).click();
    await expect(page.getByText('Copied. Gridpass clears the clipboard in 60 seconds.')).toBeVisible();
    expect(realService.clipboard.text).toBe(pastedPat);
    await app.screenshot('identity-bind-pat', { fullPage: true });
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Open Account Settings' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Verify: one login with the ShotGrid login and legacy passphrase, then who ShotGrid says you are.
    await expect(stepHeading(page, 'Check your login')).toBeFocused();
    site.log.clear();
    await submitLogin(page, maya.login, passphrase);
    await expect(page.getByText(`Your login works on ${host}`)).toBeVisible();
    const who = page.locator('.success-panel');
    await expect(who).toContainText(`${maya.firstname} ${maya.lastname}`);
    await expect(who).toContainText(maya.login);
    expect(site.log.credentialedCount(maya.login)).toBe(1);
    await expectNoSecretsInPage(page, [passphrase, pastedPat]);
    await app.screenshot('identity-verified');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Save to the keychain, leaving the token out of it.
    await expect(stepHeading(page, 'Save your login')).toBeFocused();
    await expect(page.getByLabel(/Also keep my token in the keychain/)).not.toBeChecked();
    await app.screenshot('identity-save');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(stepHeading(page, 'You’re all set')).toBeFocused();
    await expect(page.locator('.panel')).toContainText(maya.login);
    // What a tool's sign-in box asks for, copied without retyping (plain text, never cleared).
    await page.getByRole('button', { name: 'Copy login' }).click();
    await expect.poll(() => realService.clipboard.text).toBe(maya.login);
    await page.getByRole('button', { name: 'Copy site address' }).click();
    await expect.poll(() => realService.clipboard.text).toBe(realService.site.url);
    await app.screenshot('identity-done');
    await app.expectAccessible();

    await page.getByRole('button', { name: 'See my logins' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeFocused();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` }) });
    await expect(card).toContainText('Working');
    await expect(card).toContainText(`${maya.login} on ${host}`);
    await expect(card).toContainText('None');
    await app.screenshot('identity-accounts');
    await app.expectAccessible();

    // The passphrase and the login's session (for tools) are in the keychain, and nothing secret anywhere else.
    const refs = await realService.vault.list();
    expect(refs).toEqual({ ok: true, value: [{ kind: 'passphrase', host, login: maya.login }, { kind: 'session', host, login: maya.login }] });
    expect(await realService.vault.read({ kind: 'passphrase', host, login: maya.login })).toEqual({ ok: true, value: passphrase });
    const settingsFile = await readFile(realService.settings.path, 'utf8');
    expect(settingsFile).toContain(maya.login);
    for (const secret of [passphrase, pastedPat]) expect(settingsFile).not.toContain(secret);
    await expectNoSecretsInPage(page, [passphrase, pastedPat]);
  });
});
