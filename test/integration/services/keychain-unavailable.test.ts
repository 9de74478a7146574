import { afterEach, describe, expect, it } from 'vitest';
import type { Vault, VaultFailure } from '../../../src/vault/vault';
import { startRealService, type RealService } from '../../fixtures/real-service';
import { practiceAccount } from '../../fixtures/practice-site';

/** A keychain that cannot be reached, as on Linux without a Secret Service. */
function unreachableVault(): Vault {
  const failure: VaultFailure = {
    kind: 'unavailable',
    message: 'No Secret Service is running in this session.',
    fix: 'Install gnome-keyring and log in again.',
    detail: null,
  };
  const fail = async () => ({ ok: false as const, failure });
  return {
    backend: 'Secret Service (GNOME Keyring / KWallet)',
    service: 'Gridpass-test-unreachable',
    save: fail,
    read: fail,
    remove: fail,
    list: fail,
    forgetSite: fail,
    forgetAll: fail,
    selfTest: async () => ({ ok: false, backend: 'Secret Service', service: 'Gridpass-test-unreachable', steps: [], totalMs: 0, failure }),
  };
}

let running: RealService | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe('the application service without a keychain', () => {
  it('still verifies a login, refuses to save it anywhere else, and keeps it for a retry', async () => {
    running = await startRealService({ vault: unreachableVault() });
    const { service, site, settings } = running;
    const maya = practiceAccount(site, 'works');

    expect((await service.getAppState({})).keychain).toMatchObject({ state: 'unavailable', fix: 'Install gnome-keyring and log in again.' });
    const verified = await service.verifyLogin({ site: site.url, login: maya.login, passphrase: maya.passphrase! });
    if (!verified.ok) throw new Error(verified.finding.code);

    const request = { verificationId: verified.verificationId, keepPat: false, launchAtLogin: false, checkIntervalHours: 6 };
    const saved = await service.saveLogin(request);
    expect(saved).toMatchObject({ ok: false, finding: { code: 'GP-KEYCHAIN-UNAVAILABLE' } });
    expect(JSON.stringify(saved)).toContain('Install gnome-keyring');
    expect(JSON.stringify(settings.read())).not.toContain(maya.passphrase);
    expect(settings.read().accounts).toEqual([]);

    // Nothing had to be typed again: the verified login waits in memory for the next try.
    expect(await service.saveLogin(request)).toMatchObject({ ok: false, finding: { code: 'GP-KEYCHAIN-UNAVAILABLE' } });
  });
});
