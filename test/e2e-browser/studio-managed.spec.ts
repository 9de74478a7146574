import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { startWizard } from '../fixtures/browser/wizard-walk';

test.describe('a studio that preconfigures Gridpass', () => {
  test.use({
    realServiceOptions: {
      managedConfig: (site) => ({
        source: '/etc/gridpass/managed.json',
        studioName: 'Practice Pictures',
        site: site.url,
        siteLocked: true,
        supportContact: 'pipeline@practice.example',
        helpUrl: 'https://help.practice.example/gridpass',
        checkIntervalHours: 12,
        extraAllowedHosts: ['help.practice.example'],
      }),
    },
  });

  test('fills in and locks the site, and shows the studio settings read-only', async ({ app, realService }) => {
    const { page } = app;
    await startWizard(app);
    const address = page.getByLabel('Site address');
    await expect(address).toHaveValue(realService.site.url);
    await expect(address).toHaveAttribute('readonly', '');
    await expect(page.locator('.probe-result')).toContainText('Autodesk Identity');

    await app.open('settings');
    const managed = page.getByRole('region', { name: 'Set by your studio' });
    await expect(managed).toContainText('Practice Pictures');
    await expect(managed).toContainText('pipeline@practice.example');
    await expect(managed).toContainText('/etc/gridpass/managed.json');
    const interval = page.getByLabel('Check saved logins');
    await expect(interval).toHaveValue('12');
    await expect(interval).toBeDisabled();
    await app.screenshot('settings-managed');
    await app.expectAccessible();

    // The service keeps the studio's interval even if a request asks for another one.
    expect((await realService.service.updateSettings({ checkIntervalHours: 2 })).checkIntervalHours).toBe(12);
  });
});
