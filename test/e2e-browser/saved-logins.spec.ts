import { readFile } from 'node:fs/promises';
import { practiceAccount } from '../fixtures/practice-site';
import { givenSavedLogin } from '../fixtures/browser/given-saved-login';
import { expect, test } from '../fixtures/browser/real-gridpass-app';

const keptPat = 'gpPRACTICEpatKeptForBooking42';

test.describe('saved logins', () => {
  test('forgetting one: Accounts, Forget, confirm, and it is gone from the list and the keychain', async ({ app, realService }) => {
    const { page } = app;
    const maya = practiceAccount(realService.site, 'works');
    const account = await givenSavedLogin(realService, 'works');

    await app.open('accounts');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` }) });
    await expect(card).toContainText('Working');
    await card.getByRole('button', { name: 'Forget…' }).click();

    const confirm = page.getByRole('group', { name: `Forget ${maya.login} on ${account.host}?` });
    await expect(confirm.getByRole('heading')).toBeFocused();
    await expect(confirm).toContainText('Your ShotGrid account itself doesn’t change.');
    await app.screenshot('accounts-forget-confirm');
    await app.expectAccessible();
    await confirm.getByRole('button', { name: 'Forget this login' }).click();

    await expect(page.getByText('No saved logins yet.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Saved logins' })).toHaveCount(0);
    // The card and its buttons are gone; the person starts again from the screen's heading.
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeFocused();
    await app.screenshot('accounts-empty');
    await app.expectAccessible();
    expect(await realService.vault.list()).toEqual({ ok: true, value: [] });
    expect(await realService.service.listAccounts({})).toEqual([]);
  });

  test('cancelling "Forget" keeps the login and returns to where the person was', async ({ app, realService }) => {
    const { page } = app;
    const maya = practiceAccount(realService.site, 'works');
    await givenSavedLogin(realService, 'works');

    await app.open('accounts');
    await page.getByRole('button', { name: 'Forget…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Forget…' })).toBeFocused();
    await expect(page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` })).toBeVisible();
    expect(await realService.vault.list()).toMatchObject({ ok: true, value: [{ kind: 'passphrase', login: maya.login }, { kind: 'session', login: maya.login }] });
  });

  test('one that stopped working: Check now says why, counts the refusal and pauses the checks', async ({ app, realService }) => {
    const { page } = app;
    const { site, vault } = realService;
    const maya = practiceAccount(site, 'works');
    const account = await givenSavedLogin(realService, 'works');
    // Maya changed her passphrase on the site since; the keychain still holds the old one.
    await vault.save({ kind: 'passphrase', host: account.host, login: maya.login }, 'copper-lantern-41');
    site.log.clear();

    await app.open('accounts');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` }) });
    const checkNow = card.getByRole('button', { name: 'Check now' });
    await checkNow.click();
    await expect(card).toContainText('Not working');
    // The button was disabled while it checked; focus comes back to it, not to the top of the window.
    await expect(checkNow).toBeFocused();
    await expect(card).toContainText('1 of 10 before ShotGrid locks the account');
    await expect(card).toContainText('Regular checks are paused after a failed sign-in');
    await expect(card.getByRole('region', { name: /^Problem: Login refused/ })).toContainText('GP-AUTH-NO-PAT');
    expect(site.log.credentialedCount(maya.login)).toBe(1);
    await app.screenshot('accounts-failing', { fullPage: true });
    await app.expectAccessible();

    // A scheduled check now leaves the login alone: only the person can try it again.
    expect(await realService.service.runScheduledCheck(account.id, 'schedule')).toMatchObject({ health: 'failing', checksPaused: true });
    expect(site.log.credentialedCount(maya.login)).toBe(1);
  });

  test('end of booking: wipes every login and secret, then points to the token to revoke', async ({ app, realService }) => {
    const { page } = app;
    const maya = practiceAccount(realService.site, 'works');
    await givenSavedLogin(realService, 'works', { keptPat });
    expect(await realService.vault.list()).toMatchObject({ ok: true, value: [{ kind: 'passphrase' }, { kind: 'pat' }, { kind: 'session' }] });

    await app.open('accounts');
    const card = page.getByRole('listitem').filter({ hasText: maya.login });
    await expect(card).toContainText('Kept in the keychain');
    // Copied to bind it once more: ending the booking must not leave it on the clipboard for the next person.
    await card.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => realService.clipboard.text).toBe(keptPat);
    const booking = page.getByRole('region', { name: 'End of booking' });
    const signOut = booking.getByRole('button', { name: 'Sign out everywhere…' });
    // Second thoughts are free: Cancel changes nothing and puts the person back on the button.
    await signOut.click();
    await booking.getByRole('button', { name: 'Cancel' }).click();
    await expect(signOut).toBeFocused();
    await signOut.click();
    const confirm = booking.getByRole('group', { name: 'Sign out everywhere?' });
    await expect(confirm.getByRole('heading')).toBeFocused();
    await expect(confirm).toContainText('This can’t be undone.');
    await app.screenshot('end-of-booking-confirm', { fullPage: true });
    await app.expectAccessible();
    await confirm.getByRole('button', { name: 'Sign out everywhere' }).click();

    const result = booking.locator('p').filter({ hasText: 'Signed out everywhere: forgot 1 login and 3 keychain entries.' });
    await expect(result).toBeVisible();
    // The confirmation is gone; focus lands on what happened, just before the token still to revoke.
    await expect(result).toBeFocused();
    await expect(page.getByText('No saved logins yet.')).toBeVisible();
    await app.screenshot('end-of-booking-done');
    await app.expectAccessible();
    expect(await realService.vault.list()).toEqual({ ok: true, value: [] });
    expect(await readFile(realService.settings.path, 'utf8')).not.toContain(maya.login);
    expect(realService.clipboard.text).toBe('');

    await booking.getByRole('button', { name: /Revoke my token/ }).click();
    await expect.poll(() => realService.opened).toEqual(['https://profile.autodesk.com/security']);
  });
});
