import { practiceAccount } from '../fixtures/practice-site';
import { givenSavedLogin } from '../fixtures/browser/given-saved-login';
import { expectNoSecretsInPage } from '../fixtures/browser/secrets-in-page';
import { expect, test } from '../fixtures/browser/real-gridpass-app';

const oldPassphrase = 'copper-lantern-41';

test.describe('a saved login fixed where it is', () => {
  test('Update passphrase: a wrong one is refused and the old entry stays; the right one is saved and resumes checks', async ({ app, realService }) => {
    const { page } = app;
    const { site, vault } = realService;
    const maya = practiceAccount(site, 'works');
    const account = await givenSavedLogin(realService, 'works');
    const entry = { kind: 'passphrase' as const, host: account.host, login: maya.login };
    // Maya changed her passphrase on the site; the keychain still holds the old one, so checks fail.
    await vault.save(entry, oldPassphrase);
    expect(await realService.service.checkAccount({ accountId: account.id })).toMatchObject({ health: 'failing', checksPaused: true, failedLogins: 1 });
    site.log.clear();

    await app.open('accounts');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` }) });
    await card.getByRole('button', { name: 'Update passphrase…' }).click();
    const form = card.getByRole('form', { name: `Update the passphrase for ${maya.login}` });
    await expect(form.getByRole('heading')).toBeFocused();
    const field = form.getByLabel('New legacy passphrase', { exact: true });

    await field.fill('still-the-wrong-one');
    await form.getByRole('button', { name: 'Show' }).click();
    await expect(field).toHaveAttribute('type', 'text');
    await form.getByRole('button', { name: 'Hide' }).click();
    await expect(field).toHaveAttribute('type', 'password');
    await form.getByRole('button', { name: 'Check and save' }).click();
    await expect(form).toContainText('GP-AUTH-NO-PAT');
    await expect(form).toContainText('Failed sign-ins from Gridpass for this login: 2 of 10');
    await expect(field).toHaveValue('');
    expect(site.log.credentialedCount(maya.login)).toBe(1);
    expect(await vault.read(entry)).toEqual({ ok: true, value: oldPassphrase });
    await app.screenshot('accounts-update-passphrase-refused', { fullPage: true });
    await app.expectAccessible();

    await field.fill(maya.passphrase!);
    await form.getByRole('button', { name: 'Check and save' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'The new passphrase works and is saved in the keychain.' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Update passphrase…' })).toBeFocused();
    await expect(card).toContainText('Working');
    await expect(card).not.toContainText('Regular checks are paused');
    expect(site.log.credentialedCount(maya.login)).toBe(2);
    expect(await vault.read(entry)).toEqual({ ok: true, value: maya.passphrase });
    expect(await realService.service.listAccounts({})).toMatchObject([{ health: 'ok', checksPaused: false, failedLogins: 0 }]);
    await expectNoSecretsInPage(page, [maya.passphrase!, oldPassphrase, 'still-the-wrong-one']);
    await app.screenshot('accounts-update-passphrase-saved');
    await app.expectAccessible();
  });

  test('Update passphrase with two-step verification asks for the code, then saves', async ({ app, realService }) => {
    const { page } = app;
    const { site, vault } = realService;
    const person = practiceAccount(site, 'two-factor');
    const code = person.twoFactor!.codes[0]!;
    // Saving a 2FA login goes through the code as the wizard does.
    const verified = await realService.service.verifyLogin({ site: site.url, login: person.login, passphrase: person.passphrase! });
    if (verified.ok || verified.reason !== 'two-factor-required') throw new Error('expected the site to ask for a code');
    const withCode = await realService.service.submitTwoFactorCode({ attemptId: verified.attemptId, code: person.twoFactor!.codes[1]! });
    if (!withCode.ok) throw new Error(`the code was refused: ${withCode.finding.code}`);
    const saved = await realService.service.saveLogin({ verificationId: withCode.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 4 });
    if (!saved.ok) throw new Error('could not save');
    const entry = { kind: 'passphrase' as const, host: saved.account.host, login: person.login };
    await vault.save(entry, oldPassphrase);

    await app.open('accounts');
    await page.getByRole('button', { name: 'Update passphrase…' }).click();
    const form = page.getByRole('form', { name: `Update the passphrase for ${person.login}` });
    await form.getByLabel('New legacy passphrase', { exact: true }).fill(person.passphrase!);
    await form.getByRole('button', { name: 'Check and save' }).click();
    await form.getByLabel('Verification code').fill(code);
    expect(await vault.read(entry)).toEqual({ ok: true, value: oldPassphrase });
    await form.getByRole('button', { name: 'Check and save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The new passphrase works' })).toBeVisible();
    expect(await vault.read(entry)).toEqual({ ok: true, value: person.passphrase });
  });
});
