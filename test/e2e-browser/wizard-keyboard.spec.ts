import { practiceAccount } from '../fixtures/practice-site';
import { tabTo } from '../fixtures/browser/keyboard';
import { expectNoSecretsInPage } from '../fixtures/browser/secrets-in-page';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { stepHeading } from '../fixtures/browser/wizard-walk';

const pastedPat = 'gpPRACTICEpatKeyboard5Vd3Qs';

test.describe('the wizard from the keyboard alone', () => {
  test('Tab, Enter and Space take an Identity login from start to saved; focus lands on each new step', async ({ app, realService }) => {
    const { page } = app;
    const { site } = realService;
    const maya = practiceAccount(site, 'works');
    const passphrase = maya.passphrase!;
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    await app.open('setup');
    await expect(stepHeading(page, 'Get your ShotGrid login working')).toBeFocused();
    await tabTo(page, button('Get started'));
    await page.keyboard.press('Enter');

    await expect(stepHeading(page, 'Which ShotGrid site?')).toBeFocused();
    await tabTo(page, page.getByLabel('Site address'));
    await page.keyboard.type(site.url);
    await expect(page.locator('.probe-result')).toContainText('Autodesk Identity');
    await page.keyboard.press('Enter');

    // Browser sign-in is offered first; the login can be typed instead, from the keyboard too.
    await expect(stepHeading(page, 'Confirm who you are')).toBeFocused();
    await tabTo(page, button('Type my login instead'));
    await page.keyboard.press('Enter');

    await expect(stepHeading(page, 'Set a legacy passphrase')).toBeFocused();
    await tabTo(page, button('Open Account Settings'));
    await page.keyboard.press('Space');
    await expect.poll(() => realService.opened).toEqual([site.url]);
    await tabTo(page, button('Continue'));
    await page.keyboard.press('Enter');

    await expect(stepHeading(page, 'Create a Personal Access Token')).toBeFocused();
    await tabTo(page, page.getByLabel('Token code'));
    await page.keyboard.type(pastedPat);
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Your token is kept here until the next step (${pastedPat.length} characters).`)).toBeVisible();
    await tabTo(page, button('I’ve already done this'));
    await page.keyboard.press('Space');

    await expect(stepHeading(page, 'Connect the token to ShotGrid')).toBeFocused();
    await tabTo(page, button('Copy my token'));
    await page.keyboard.press('Space');
    await expect.poll(() => realService.clipboard.text).toBe(pastedPat);
    await tabTo(page, button('I’ve already done this'));
    await page.keyboard.press('Enter');

    await expect(stepHeading(page, 'Check your login')).toBeFocused();
    await tabTo(page, page.getByLabel('ShotGrid login'));
    await page.keyboard.type(maya.login);
    await page.keyboard.press('Tab');
    const passphraseField = page.getByLabel('Legacy passphrase', { exact: true });
    await expect(passphraseField).toBeFocused();
    await page.keyboard.type(passphrase);
    // A slow site keeps the form on screen while the check runs: the field is empty the moment it is sent.
    site.setFaults({ latencyMs: 300 });
    await page.keyboard.press('Enter');
    await expect(button('Checking…')).toBeVisible();
    await expect(passphraseField).toHaveValue('');
    await expectNoSecretsInPage(page, [passphrase, pastedPat]);
    // The form is gone once the login works: focus moves to the proof instead of the top of the window.
    await expect(page.getByRole('heading', { level: 3, name: /^Your login works on/ })).toBeFocused();
    site.setFaults({});
    await tabTo(page, button('Continue'));
    await page.keyboard.press('Enter');

    await expect(stepHeading(page, 'Save your login')).toBeFocused();
    const keepPat = page.getByLabel(/Also keep my token in the keychain/);
    await tabTo(page, keepPat);
    await page.keyboard.press('Space');
    await expect(keepPat).toBeChecked();
    await tabTo(page, button('Save'));
    await page.keyboard.press('Enter');

    await expect(stepHeading(page, 'You’re all set')).toBeFocused();
    await tabTo(page, button('See my logins'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeFocused();
    await expect(page.getByRole('listitem').filter({ hasText: maya.login })).toContainText('Kept in the keychain');

    expect(await realService.vault.list()).toMatchObject({ ok: true, value: [{ kind: 'passphrase' }, { kind: 'pat' }, { kind: 'session' }] });
    await expectNoSecretsInPage(page, [passphrase, pastedPat]);
  });
});
