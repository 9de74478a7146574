// The desktop controller between the real service and the real renderer: a diagnosis started from
// the tray records a refused login, and the tray and the open Accounts window both show it, because
// the service said so (an accounts-changed event), not because anyone polled.
import { DesktopController } from '../../src/app-shell/desktop-controller';
import { trayModel } from '../../src/app-shell/tray-model';
import {
  RecordingApp, RecordingLaunchAtLogin, RecordingLinks, RecordingNotifier, RecordingTray, recordingLog,
} from '../fixtures/desktop-ports';
import { FakeClock } from '../fixtures/fake-clock';
import { givenSavedLogin } from '../fixtures/browser/given-saved-login';
import { pageWindowPort } from '../fixtures/browser/page-window-port';
import { expect, test } from '../fixtures/browser/real-gridpass-app';
import { practiceAccount } from '../fixtures/practice-site';

// The controller forwards the service's events to the window here, as main does.
test.use({ gridpassEvents: null });

test('a refusal recorded by a diagnosis reaches the tray and the open window, with no polling', async ({ app, realService }) => {
  const { page } = app;
  const { site, vault, service } = realService;
  const maya = practiceAccount(site, 'works');
  const account = await givenSavedLogin(realService, 'works');
  // Maya changed her passphrase on the site since; the keychain still holds the old one.
  await vault.save({ kind: 'passphrase', host: account.host, login: maya.login }, 'copper-lantern-41');
  site.log.clear();
  // Counts timers the page sets up; a poll would be an interval.
  await page.addInitScript(() => {
    const counted = window as unknown as { __intervals: number };
    counted.__intervals = 0;
    const original = window.setInterval.bind(window);
    window.setInterval = ((...args: Parameters<typeof window.setInterval>) => {
      counted.__intervals++;
      return original(...args);
    }) as typeof window.setInterval;
  });

  await app.open('accounts');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${maya.firstname} ${maya.lastname}` }) });
  await expect(card).not.toContainText('Not working');

  const app_ = new RecordingApp();
  const windows = pageWindowPort(page);
  const controller = new DesktopController({ platform: 'linux', app: app_, windows, log: recordingLog() });
  const tray = new RecordingTray();
  const notifier = new RecordingNotifier();
  app_.ready = true;
  await controller.start({
    service, tray, notify: notifier.notify, launchAtLogin: new RecordingLaunchAtLogin(), links: new RecordingLinks(), clock: new FakeClock(),
    isOnline: () => true, startedAtLogin: true,
  });
  expect(tray.last?.accounts).toEqual([expect.objectContaining({ id: account.id, health: 'ok', checksPaused: false })]);
  await controller.trayAction({ kind: 'open' });
  await windows.delivered();
  expect(windows.navigations).toEqual([{ screen: 'accounts' }]);

  const listsBefore = app.requestsTo('listAccounts').length;
  await controller.trayAction({ kind: 'copy-support-report' });
  await windows.delivered();

  // The diagnosis tried the stale passphrase once, was refused, and recorded it.
  expect(site.log.credentialedCount(maya.login)).toBe(1);
  expect(notifier.notices.map((notice) => notice.title)).toEqual(['Support report copied']);
  // The tray heard it: the login shows as failing and paused.
  expect(tray.last?.accounts).toEqual([expect.objectContaining({ id: account.id, health: 'failing', checksPaused: true })]);
  const labels = trayModel(tray.last!).menu.flatMap((item) => (item.type === 'separator' ? [] : [item.label]));
  expect(labels.find((label) => label.includes(maya.login))).toMatch(/paused|not working|refused/i);
  // The window heard it too, and its Accounts screen shows the refusal without being asked to look.
  expect(windows.events.filter((event) => event.type === 'accounts-changed').length).toBeGreaterThan(0);
  await expect(card).toContainText('Not working');
  await expect(card).toContainText('1 of 10 before ShotGrid locks the account');
  await expect(card).toContainText('Regular checks are paused after a failed sign-in');

  // No polling: the page reloaded the list once per accounts-changed event it was sent, asked
  // nothing about the diagnosis it did not start, and set up no interval.
  const accountsChanged = windows.events.filter((event) => event.type === 'accounts-changed').length;
  await expect.poll(() => app.requestsTo('listAccounts').length).toBe(listsBefore + accountsChanged);
  expect(app.requestsTo('diagnoseStatus')).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __intervals: number }).__intervals)).toBe(0);
  await app.screenshot('accounts-after-tray-diagnosis', { fullPage: true });
});
