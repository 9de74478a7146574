// Where no tray shows (stock GNOME without the AppIndicator extension), Settings says how to get one
// and how to reach the window without it. Only on Linux: macOS and Windows always have a tray.
import { handlersFrom } from '../fixtures/browser/gridpass-app';
import { expect, test } from '../fixtures/browser/gridpass-app';
import { sampleAppState } from '../fixtures/browser/sample-views';
import { scriptedHandlers } from '../fixtures/browser/scripted-handlers';

test.describe('Settings on Linux', () => {
  test.use({ gridpassHandlers: handlersFrom(() => scriptedHandlers({ getAppState: async () => sampleAppState({ platform: 'linux', accountsCount: 1 }) })) });

  test('says how to get the tray icon on GNOME, and how to open the window without one', async ({ app }) => {
    const { page } = app;
    await app.open('settings');
    const panel = page.getByRole('region', { name: 'Tray icon' });
    await expect(panel).toContainText('On GNOME');
    await expect(panel).toContainText('gnome-shell-extension-appindicator');
    await expect(panel).toContainText('AppIndicator and KStatusNotifierItem Support');
    await expect(panel).toContainText('log out and back in');
    await expect(panel).toContainText('Start Gridpass again from your app menu: it opens this window.');
    await app.screenshot('settings-linux-tray-help', { fullPage: true });
    await app.expectAccessible();
  });
});

for (const platform of ['darwin', 'win32']) {
  test.describe(`Settings on ${platform}`, () => {
    test.use({ gridpassHandlers: handlersFrom(() => scriptedHandlers({ getAppState: async () => sampleAppState({ platform, accountsCount: 1 }) })) });

    test('has no Linux tray help', async ({ app }) => {
      await app.open('settings');
      await expect(app.page.getByRole('heading', { level: 2, name: 'Keychain' })).toBeVisible();
      await expect(app.page.getByRole('region', { name: 'Tray icon' })).toHaveCount(0);
    });
  });
}
