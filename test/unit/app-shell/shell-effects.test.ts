import { describe, expect, it } from 'vitest';
import { withShellEffects } from '../../../src/app-shell/shell-effects';
import type { GridpassHandlers, RequestName } from '../../../src/ipc/contract';
import { requestNames } from '../../../src/ipc/contract';
import { accountView } from '../../fixtures/account-view';

const site = { url: 'https://mystudio.shotgrid.autodesk.com', host: 'mystudio.shotgrid.autodesk.com' };

function setup(responses: Partial<Record<RequestName, unknown>>, failingEffect = false) {
  const seen: string[] = [];
  const events: string[] = [];
  const errors: unknown[] = [];
  const handlers = Object.fromEntries(requestNames.map((name) => [name, async () => responses[name] ?? { ok: true }])) as unknown as GridpassHandlers;
  const wrapped = withShellEffects(handlers, {
    siteSeen: (url) => seen.push(url),
    accountsChanged: () => { if (failingEffect) throw new Error('tray gone'); events.push('accounts'); },
    settingsChanged: () => events.push('settings'),
    onError: (error) => errors.push(error),
  });
  return { wrapped, seen, events, errors };
}

describe('withShellEffects', () => {
  it('learns the sites the person probes, verifies, saves and lists', async () => {
    const { wrapped, seen } = setup({
      probeSite: { ok: true, site },
      verifyLogin: { ok: true, site, verificationId: 'v', user: {} },
      saveLogin: { ok: true, account: accountView({ site: 'https://other.shotgrid.autodesk.com' }), keychain: 'saved' },
      listAccounts: [accountView()],
    });
    await wrapped.probeSite({ address: 'mystudio' });
    await wrapped.verifyLogin({ site: site.url, login: 'alex', passphrase: 'x' });
    await wrapped.saveLogin({ verificationId: 'v', keepPat: false, launchAtLogin: false, checkIntervalHours: 6 });
    await wrapped.listAccounts({});
    expect(seen).toEqual([site.url, site.url, 'https://other.shotgrid.autodesk.com', 'https://mystudio.shotgrid.autodesk.com']);
  });

  it('learns nothing from a failed probe', async () => {
    const { wrapped, seen } = setup({ probeSite: { ok: false, finding: {} } });
    await wrapped.probeSite({ address: 'nope' });
    expect(seen).toEqual([]);
  });

  it('reports account and settings changes after the requests that make them', async () => {
    const { wrapped, events } = setup({});
    await wrapped.checkAccount({ accountId: 'a' });
    await wrapped.updateSettings({ launchAtLogin: true });
    await wrapped.getAppState({});
    expect(events).toEqual(['accounts', 'settings']);
  });

  it('still answers the renderer when an effect throws', async () => {
    const { wrapped, errors } = setup({ forgetAccount: { ok: true } }, true);
    await expect(wrapped.forgetAccount({ accountId: 'a' })).resolves.toEqual({ ok: true });
    expect(errors).toHaveLength(1);
  });
});
