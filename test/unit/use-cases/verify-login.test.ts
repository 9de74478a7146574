import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRegistry, type AccountRegistry } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { siteFromOrigin } from '../../../src/site/site-address';
import type { UnopenedRegistry } from '../../../src/use-cases/record-attempt';
import { verifyLogin, type LoginTry } from '../../../src/use-cases/verify-login';
import { createFakeShotgridClient, failed, humanUser, siteInfo, succeeded } from '../../fixtures/fake-shotgrid-client';
import { memoryVault } from '../../fixtures/memory-vault';
import { plantedSecret } from '../../fixtures/plant-secret';

const site = siteFromOrigin('https://mystudio.shotgrid.autodesk.com');
const attempt: LoginTry = { site, info: siteInfo(), login: 'ana@studio.example', passphrase: plantedSecret('typed-passphrase'), keepSession: false };
const refused = { kind: 'auth-rejected' as const, code: 102 as const, serverMessage: 'Can not authenticate user' };

let home: string;
let registry: AccountRegistry;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'gridpass-verify-login-'));
  registry = createAccountRegistry({ settings: openSettingsStore({ cwd: home }), vault: memoryVault() });
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('verifying a typed login, one way for the wizard, verify and login', () => {
  it('counts a refusal of a login not saved yet before it answers, and a verified login clears it', async () => {
    const refusedOnce = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: failed(refused) }), registry }, attempt);
    expect(refusedOnce).toMatchObject({ ok: false, failure: { kind: 'auth-rejected' }, recorded: { saved: true, failedLogins: 1 } });
    expect(registry.failedLogins(site.origin, attempt.login)).toBe(1);

    const verified = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: succeeded(humanUser()) }), registry }, attempt);
    expect(verified).toMatchObject({ ok: true, sessionToken: null, recorded: { saved: true, failedLogins: 0 } });
    expect(registry.failedLogins(site.origin, attempt.login)).toBe(0);
  });

  it('swaps the passphrase for a session once for a login about to be saved, with the probe it was given', async () => {
    const sessionToken = plantedSecret('session');
    const client = createFakeShotgridClient({ openSession: succeeded({ sessionToken, user: humanUser() }) });
    const result = await verifyLogin({ client, registry }, { ...attempt, keepSession: true, twoFactorCode: '123456' });
    expect(result).toMatchObject({ ok: true, sessionToken });
    expect(client.calls).toMatchObject([{ method: 'openSession', credentials: { twoFactorCode: '123456' }, options: { alreadyProbed: attempt.info } }]);
  });

  it('still tries once without the settings, and says the refusal was not counted', async () => {
    const result = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: failed(refused) }), registry: null }, attempt);
    expect(result).toMatchObject({ ok: false, recorded: { saved: false, failedLogins: 1, pauseHeldInMemory: true } });
  });
});

describe('with the saved logins left unopened until a try has something to record', () => {
  /** The registry behind a lazy opening, and how often it was opened; `holds` answers for the file. */
  function unopened(holds: () => boolean): UnopenedRegistry & { opened: number } {
    const lazy = {
      unopened: true as const,
      opened: 0,
      holdsCount: holds,
      open: () => {
        lazy.opened += 1;
        return Promise.resolve(registry);
      },
    };
    return lazy;
  }

  it('opens nothing for a verified login the settings hold nothing of', async () => {
    const lazy = unopened(() => false);
    const verified = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: succeeded(humanUser()) }), registry: lazy }, attempt);
    expect(verified).toMatchObject({ ok: true, recorded: { saved: true, failedLogins: 0 } });
    expect(lazy.opened).toBe(0);
  });

  it('opens them to count a refusal, and the next verified login clears it', async () => {
    const lazy = unopened(() => registry.failedLogins(site.origin, attempt.login) > 0);
    const refusedOnce = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: failed(refused) }), registry: lazy }, attempt);
    expect(refusedOnce).toMatchObject({ ok: false, recorded: { saved: true, failedLogins: 1 } });
    expect(lazy.opened).toBe(1);

    const verified = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: succeeded(humanUser()) }), registry: lazy }, attempt);
    expect(verified).toMatchObject({ ok: true, recorded: { saved: true, failedLogins: 0 } });
    expect(lazy.opened).toBe(2);
    expect(registry.failedLogins(site.origin, attempt.login)).toBe(0);
  });

  it('asks the settings after the try, so a refusal the app counted meanwhile is still cleared', async () => {
    let asked = 0;
    const lazy = unopened(() => {
      asked += 1;
      return true;
    });
    const fake = createFakeShotgridClient({ verifyLogin: succeeded(humanUser()) });
    const client = {
      ...fake,
      verifyLogin: (...args: Parameters<typeof fake.verifyLogin>) => {
        // The app counts a refusal of the same login while this try is on its way.
        registry.recordAttempt(site.origin, attempt.login, { decision: decideAfter({ kind: 'failed', failure: refused }), check: null });
        return fake.verifyLogin(...args);
      },
    };
    const verified = await verifyLogin({ client, registry: lazy }, attempt);
    expect(verified).toMatchObject({ ok: true, recorded: { saved: true, failedLogins: 0 } });
    expect({ asked, opened: lazy.opened, failedLogins: registry.failedLogins(site.origin, attempt.login) }).toEqual({ asked: 1, opened: 1, failedLogins: 0 });
  });

  it('opens nothing for a site that could not be reached, which neither counts nor pauses', async () => {
    const lazy = unopened(() => false);
    const result = await verifyLogin({ client: createFakeShotgridClient({ verifyLogin: failed({ kind: 'timeout', afterMs: 15_000 }) }), registry: lazy }, attempt);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' }, recorded: { saved: true, failedLogins: 0 } });
    expect(lazy.opened).toBe(0);
  });
});
