import type { ProbeResponse } from '../../src/ipc/contract';
import { expect, handlersFrom, test } from '../fixtures/browser/gridpass-app';
import { sampleAppState, sampleFinding, sampleSettings, sampleSite } from '../fixtures/browser/sample-views';
import { scriptedHandlers } from '../fixtures/browser/scripted-handlers';

const lumen = sampleSite();

/** Finds the studio's Identity site for any address mentioning "lumen"; nothing else exists. */
async function probeLumen({ address }: { address: string }): Promise<ProbeResponse> {
  return address.includes('lumen') ? { ok: true, site: lumen } : { ok: false, finding: sampleFinding() };
}

test.describe('setup wizard: welcome to site', () => {
  test.use({
    gridpassHandlers: handlersFrom(() => scriptedHandlers({ getAppState: async () => sampleAppState(), probeSite: probeLumen })),
  });

  test('works from the keyboard and names the site and how it signs in', async ({ app }) => {
    const { page } = app;
    await app.open('setup');
    const welcome = page.getByRole('heading', { level: 2, name: 'Get your ShotGrid login working' });
    await expect(welcome).toBeFocused();
    await app.screenshot('wizard-welcome');
    await app.expectAccessible();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Get started' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Which ShotGrid site?' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Site address')).toBeFocused();
    await page.keyboard.type('lumen', { delay: 30 });

    const result = page.locator('.probe-result');
    await expect(result).toContainText('Site found');
    await expect(result).toContainText('lumen.shotgrid.autodesk.com');
    await expect(result).toContainText('Autodesk Identity');
    await expect(result).toContainText('8.89.0');
    // Typing pauses only once, so the site is asked about once, for the whole address.
    expect(app.requestsTo('probeSite')).toEqual([{ address: 'lumen' }]);
    await app.screenshot('wizard-site-found');
    await app.expectAccessible();

    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Confirm who you are' })).toBeFocused();
    await expect(page.getByText('Step 3 of 9')).toBeVisible();
    await page.getByRole('button', { name: 'Type my login instead' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Set a legacy passphrase' })).toBeFocused();
    await expect(page.getByText('Step 4 of 9')).toBeVisible();
    await app.screenshot('wizard-passphrase');
    await app.expectAccessible();
  });

  test('shows what is wrong, inline, when no site answers', async ({ app }) => {
    const { page } = app;
    await app.open('setup');
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByLabel('Site address').fill('lumenn-typo.example');
    await page.getByLabel('Site address').fill('nowhere.example');

    const finding = page.getByRole('region', { name: 'Problem: Gridpass can’t find that site' });
    await expect(finding).toBeVisible();
    await expect(finding).toContainText('GP-SITE-NOT-FOUND');
    await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await app.screenshot('wizard-site-not-found');
    await app.expectAccessible();
  });

  test('keeps the address when going back and forth', async ({ app }) => {
    const { page } = app;
    await app.open('setup');
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByLabel('Site address').fill('lumen');
    await expect(page.locator('.probe-result')).toContainText('Site found');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Get started' }).click();
    await expect(page.getByLabel('Site address')).toHaveValue('lumen');
    await expect(page.locator('.probe-result')).toContainText('Autodesk Identity');
  });
});

test.describe('setup wizard: a site the studio set up', () => {
  test.use({
    gridpassHandlers: handlersFrom(() =>
      scriptedHandlers({
        getAppState: async () =>
          sampleAppState({
            settings: sampleSettings({
              managed: {
                source: '/etc/gridpass/managed.json',
                studioName: 'Lumen Pictures',
                site: 'https://lumen.shotgrid.autodesk.com',
                siteLocked: true,
                supportContact: 'pipeline@lumen.example',
                helpUrl: null,
                checkIntervalHours: null,
                extraAllowedHosts: [],
              },
            }),
          }),
        probeSite: probeLumen,
      }),
    ),
  });

  test('fills in the locked site and looks it up without typing', async ({ app }) => {
    const { page } = app;
    await app.open('setup');
    await expect(page.getByText('for Lumen Pictures')).toBeVisible();
    await page.getByRole('button', { name: 'Get started' }).click();
    const address = page.getByLabel('Site address');
    await expect(address).toHaveValue('https://lumen.shotgrid.autodesk.com');
    await expect(address).toHaveAttribute('readonly', '');
    await expect(page.getByText('Lumen Pictures set this site for you')).toBeVisible();
    await expect(page.locator('.probe-result')).toContainText('Autodesk Identity');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('wizard-site-locked-dark');
    await app.expectAccessible();
  });
});

test.describe('settings open clean', () => {
  test.use({
    gridpassHandlers: handlersFrom(() => scriptedHandlers({ getAppState: async () => sampleAppState({ accountsCount: 2 }) })),
  });

  test('settings: preferences, keychain and version', async ({ app }) => {
    const { page } = app;
    await app.open('settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
    await expect(page.getByLabel('Check saved logins')).toHaveValue('4');
    await expect(page.getByText('Working: Secret Service (GNOME Keyring)')).toBeVisible();
    await expect(page.getByText('Gridpass 0.1.0')).toBeVisible();
    await app.screenshot('settings');
    await app.expectAccessible();
  });
});

test.describe('the bridge to main', () => {
  test.use({
    gridpassHandlers: handlersFrom(() => scriptedHandlers({ getAppState: async () => sampleAppState(), probeSite: probeLumen })),
  });

  test('refuses a request the contract does not allow, before any handler runs', async ({ app }) => {
    await app.open('setup');
    const refusal = await app.page.evaluate(() =>
      // @ts-expect-error: deliberately not a valid probeSite request
      window.gridpass.probeSite({ address: 'lumen', extra: true }).then(() => 'accepted', (error: Error) => error.message),
    );
    expect(refusal).toContain('Invalid probeSite request');
    expect(app.requestsTo('probeSite')).toEqual([]);
  });

  test('follows navigation pushed from main', async ({ app }) => {
    await app.open('setup');
    await app.navigate({ screen: 'settings' });
    await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
    await app.navigate({ screen: 'wizard', site: 'https://lumen.shotgrid.autodesk.com' });
    await expect(app.page.getByLabel('Site address')).toHaveValue('https://lumen.shotgrid.autodesk.com');
    await expect(app.page.locator('.probe-result')).toContainText('Autodesk Identity');
  });
});
