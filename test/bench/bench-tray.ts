/**
 * The app at service level: from a click on the tray's Check now to the tray showing the new state,
 * with the real service, the real keychain and a practice site, and only Electron's parts recorded.
 * The baseline is the same login (probe and read) made by the ShotGrid client alone in this process.
 */
import { DesktopController } from '../../src/app-shell/desktop-controller';
import type { TrayState } from '../../src/app-shell/tray-model';
import { createAccountRegistry } from '../../src/accounts/account-registry';
import { createNodeFetch } from '../../src/net/node-fetch';
import { createShotgridClient } from '../../src/shotgrid/create-shotgrid-client';
import { parseSiteAddress } from '../../src/site/site-address';
import { RecordingApp, RecordingLaunchAtLogin, RecordingLinks, RecordingNotifier, RecordingTray, RecordingWindows, recordingLog } from '../fixtures/desktop-ports';
import { FakeClock } from '../fixtures/fake-clock';
import { startRealService } from '../fixtures/real-service';
import { practiceAccount } from '../fixtures/practice-site';
import { ms, ratio, type Report } from './bench-report';
import { median } from './process-runs';

class TimedTray extends RecordingTray {
  renderedAt = 0;
  override render(state: TrayState): void {
    this.renderedAt = performance.now();
    super.render(state);
  }
}

export async function benchCheckNow(runs: number, report: Report): Promise<void> {
  const real = await startRealService();
  const tray = new TimedTray();
  const controller = new DesktopController({ platform: process.platform, app: new RecordingApp(), windows: new RecordingWindows(), log: recordingLog() });
  try {
    const maya = practiceAccount(real.site, 'works');
    const registry = createAccountRegistry({ settings: real.settings, vault: real.vault });
    const saved = await registry.saveVerifiedLogin({ site: real.site.url, login: maya.login, displayName: null, loginMethod: real.site.method, passphrase: maya.passphrase! });
    if (!saved.ok) throw new Error(`Could not save the bench login: ${saved.failure.kind}`);
    await controller.start({
      service: real.service, tray, notify: new RecordingNotifier().notify, launchAtLogin: new RecordingLaunchAtLogin(), links: new RecordingLinks(),
      clock: new FakeClock(), isOnline: () => true, startedAtLogin: true,
    });
    const parsed = parseSiteAddress(real.site.url);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass-bench' });
    const direct: number[] = [];
    const clicked: number[] = [];
    for (let i = 0; i <= runs; i += 1) {
      let started = performance.now();
      const verified = await client.verifyLogin(parsed.site, { login: maya.login, passphrase: maya.passphrase! });
      if (!verified.ok) throw new Error(`The baseline login failed: ${verified.failure.kind}`);
      const directMs = performance.now() - started;
      started = performance.now();
      await controller.trayAction({ kind: 'check-now' });
      await controller.refreshTray();
      const shown = tray.last?.accounts.find((account) => account.login === maya.login);
      if (shown?.health !== 'ok') throw new Error(`After Check now the tray shows ${shown?.health ?? 'no login'}, not ok.`);
      // The first round warms up both sides.
      if (i === 0) continue;
      direct.push(directMs);
      clicked.push(tray.renderedAt - started);
    }
    const baseline = median(direct);
    report('baseline: the same login by the client alone (in process)', ms(baseline), 'probe + one read');
    const checkNow = median(clicked);
    report('app: Check now to the tray\'s new state', ms(checkNow), `${ratio(checkNow, baseline)} baseline (keychain read, save, tray refresh)`);
  } finally {
    await real.close();
  }
}
