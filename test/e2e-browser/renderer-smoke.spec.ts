import type { ProbeResponse } from '../../src/ipc/contract';
import { expect, handlersFrom, test } from '../fixtures/browser/gridpass-app';
import {
  sampleAccount,
  sampleAppState,
  sampleDiagnoseStatus,
  sampleFinding,
  sampleSettings,
  sampleSite,
} from '../fixtures/browser/sample-views';
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
    await expect(page.getByRole('heading', { level: 2, name: 'Set a legacy passphrase' })).toBeFocused();
    await expect(page.getByText('Step 3 of 8')).toBeVisible();
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

test.describe('setup wizard: an Identity site from start to saved', () => {
  const user = { id: 42, login: 'mara.lind@lumen.example', name: 'Mara Lind', email: 'mara.lind@lumen.example', status: 'act', permissionGroup: 'Artist' };
  const refused = sampleFinding({ code: 'GP-AUTH-REFUSED', title: 'The site refused the login and passphrase' });
  test.use({
    gridpassHandlers: handlersFrom(() => {
      let attempts = 0;
      return scriptedHandlers({
        getAppState: async () => sampleAppState(),
        probeSite: probeLumen,
        openExternal: async () => ({ ok: true }),
        holdPat: async ({ pat }) => ({ ok: true, length: pat.length }),
        copyPat: async () => ({ ok: true, clearsAfterSeconds: 30 }),
        verifyLogin: async () =>
          ++attempts === 1
            ? { ok: false, reason: 'failed', finding: refused, failedLogins: 1, lockoutWarning: null }
            : { ok: false, reason: 'two-factor-required', attemptId: 'attempt-1', finding: sampleFinding({ code: 'GP-AUTH-2FA' }), codeRefused: false },
        submitTwoFactorCode: async () => ({ ok: true, verificationId: 'verification-1', user, site: lumen }),
        saveLogin: async () => ({ ok: true, keychain: 'saved', account: sampleAccount() }),
      });
    }),
  });

  test('passes each secret to main once and never keeps it in a field', async ({ app }) => {
    const { page } = app;
    await app.open('setup');
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByLabel('Site address').fill('lumen');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('button', { name: /Open Account Settings/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Create a Personal Access Token' })).toBeFocused();
    await page.getByLabel('Token code').fill('pat-0123456789');
    await page.getByRole('button', { name: 'Hold token' }).click();
    await expect(page.getByText('Gridpass is holding your token (14 characters).')).toBeVisible();
    await expect(page.getByLabel('Token code')).toHaveValue('');
    await app.screenshot('wizard-create-pat', { fullPage: true });
    await page.getByRole('button', { name: 'I’ve already done this' }).click();

    await page.getByRole('button', { name: 'Copy my token' }).click();
    await expect(page.getByText('Copied. Gridpass clears the clipboard in 30 seconds.')).toBeVisible();
    await app.screenshot('wizard-bind-pat');
    await page.getByRole('button', { name: 'I’ve already done this' }).click();

    await page.getByLabel('ShotGrid login').fill('mara.lind@lumen.example');
    await page.getByLabel('Legacy passphrase').fill('my autodesk password');
    await page.getByRole('button', { name: 'Check my login' }).click();
    await expect(page.getByRole('region', { name: 'Problem: The site refused the login and passphrase' })).toBeVisible();
    await expect(page.getByText('Failed sign-ins from Gridpass for this login: 1 of 10.')).toBeVisible();
    await expect(page.getByLabel('ShotGrid login')).toHaveValue('mara.lind@lumen.example');
    await expect(page.getByLabel('Legacy passphrase')).toHaveValue('');
    await app.screenshot('wizard-verify-refused', { fullPage: true });
    await app.expectAccessible();

    await page.getByLabel('Legacy passphrase').fill('correct horse');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Enter your verification code' })).toBeFocused();
    await app.screenshot('wizard-two-factor');
    await app.expectAccessible();
    await page.getByLabel('Verification code', { exact: true }).fill('123456');
    await page.keyboard.press('Enter');

    await expect(page.getByText('Your login works on lumen.shotgrid.autodesk.com')).toBeVisible();
    await expect(page.getByText('Mara Lind')).toBeVisible();
    await app.screenshot('wizard-verified');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByLabel('Also keep my token in the keychain').check();
    await app.screenshot('wizard-save');
    await app.expectAccessible();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'You’re all set' })).toBeFocused();
    await app.screenshot('wizard-done');

    expect(app.requestsTo('holdPat')).toEqual([{ site: lumen.url, pat: 'pat-0123456789' }]);
    expect(app.requestsTo('verifyLogin')).toEqual([
      { site: lumen.url, login: 'mara.lind@lumen.example', passphrase: 'my autodesk password' },
      { site: lumen.url, login: 'mara.lind@lumen.example', passphrase: 'correct horse' },
    ]);
    expect(app.requestsTo('submitTwoFactorCode')).toEqual([{ attemptId: 'attempt-1', code: '123456' }]);
    expect(app.requestsTo('saveLogin')).toEqual([{ verificationId: 'verification-1', keepPat: true, launchAtLogin: false, checkIntervalHours: 4 }]);

    await page.getByRole('button', { name: 'Set up another site' }).click();
    await expect(page.getByLabel('Site address')).toHaveValue('');
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

test.describe('the other screens open clean', () => {
  const failing = sampleAccount({
    site: 'https://north.shotgrid.autodesk.com',
    login: 'mara@north.example',
    health: 'failing',
    failedLogins: 1,
    checksPaused: true,
    lastFinding: sampleDiagnoseStatus('previous').verdict?.finding ?? null,
  });
  test.use({
    gridpassHandlers: handlersFrom(() => {
      let polls = 0;
      return scriptedHandlers({
        getAppState: async () => sampleAppState({ accountsCount: 2 }),
        listAccounts: async () => [sampleAccount({ hasSavedPat: true }), failing],
        listOrphans: async () => [{ kind: 'pat', host: 'old.shotgrid.autodesk.com', login: 'mara@old.example' }],
        startDiagnose: async () => ({ runId: 'run-1' }),
        diagnoseStatus: async ({ runId }) => sampleDiagnoseStatus(runId, (polls += 3)),
      });
    }),
  });

  test('accounts: health in words, last check, failed sign-ins', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeFocused();
    const logins = page.getByRole('list', { name: 'Saved logins' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
    await expect(logins).toHaveCount(2);
    await expect(logins.nth(0)).toContainText('Working');
    await expect(logins.nth(1)).toContainText('Not working');
    await expect(logins.nth(1).getByText('1 of 10 before ShotGrid locks the account')).toBeVisible();
    await app.screenshot('accounts', { fullPage: true });
    await app.expectAccessible();
  });

  test('diagnose: live progress, then the verdict and the report buttons', async ({ app }) => {
    const { page } = app;
    await app.open('diagnose');
    await page.getByRole('button', { name: 'Run the checks' }).click();
    await expect(page.getByRole('list', { name: 'Checks' })).toContainText('Checking');
    await app.screenshot('diagnose-running');
    await expect(page.getByRole('heading', { level: 2, name: /token isn’t bound/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy report' })).toBeVisible();
    expect(app.requestsTo('startDiagnose')).toEqual([{ target: { kind: 'account', accountId: sampleAccount().id } }]);
    await app.screenshot('diagnose-done', { fullPage: true });
    await app.expectAccessible();
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
