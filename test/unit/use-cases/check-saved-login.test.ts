import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRegistry, type AccountRegistry } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { checkSavedLogin, type SavedLoginCheckRequest } from '../../../src/use-cases/check-saved-login';
import { createFakeShotgridClient, failed, humanUser, siteInfo, succeeded, type FakeClientScript, type FakeShotgridClient } from '../../fixtures/fake-shotgrid-client';
import { memoryVault } from '../../fixtures/memory-vault';
import { plantedSecret } from '../../fixtures/plant-secret';

const site = 'https://mystudio.shotgrid.autodesk.com';
const login = 'ana@studio.example';
const passphrase = plantedSecret('saved-passphrase');
const keptSession = plantedSecret('kept-session');
const renewedSession = plantedSecret('renewed-session');
const refused = { kind: 'auth-rejected' as const, code: 102 as const, serverMessage: 'Can not authenticate user' };

let home: string;
let registry: AccountRegistry;
let vault: ReturnType<typeof memoryVault>;
let accountId: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'gridpass-check-saved-'));
  vault = memoryVault();
  registry = createAccountRegistry({ settings: openSettingsStore({ cwd: home }), vault });
  const saved = await registry.saveVerifiedLogin({ site, login, displayName: 'Ana', loginMethod: 'oxygen', passphrase });
  if (!saved.ok) throw new Error('could not save');
  accountId = saved.value.account.id;
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const schedule: SavedLoginCheckRequest = { accountId: '', reason: 'schedule', by: 'kept-session', paused: 'skip' };

function check(client: FakeShotgridClient, request: Partial<SavedLoginCheckRequest> = {}) {
  return checkSavedLogin(
    { client, registry, now: () => new Date('2026-03-02T09:00:00Z'), findingContext: () => ({ loginMethod: 'oxygen', site: null, networkStack: 'node', platform: 'linux' }) },
    { ...schedule, accountId, ...request },
  );
}

/** The site answers `info` unless a test says otherwise; `calls` still shows whether it was asked. */
const client = (script: FakeClientScript) => createFakeShotgridClient({ probe: succeeded(siteInfo()), ...script });
const methods = (fake: FakeShotgridClient) => fake.calls.map((call) => call.method);
const pause = () => registry.recordAttempt(site, login, { decision: decideAfter({ kind: 'failed', failure: refused }), check: null });

describe('checking a saved login, one way for the app and the command line', () => {
  it('takes a kept session that still works without sending the passphrase, and clears nothing', async () => {
    await registry.saveSession(accountId, keptSession, new Date());
    const fake = client({ verifySessionToken: succeeded(humanUser({ login })) });
    const result = await check(fake);
    expect(result).toMatchObject({ kind: 'verified', by: 'session', account: { lastHealth: 'ok', lastCheckReason: 'schedule' } });
    // One request to the site: the session itself, with no probe before it.
    expect(methods(fake)).toEqual(['verifySessionToken']);
  });

  it('sends the passphrase once when the kept session has expired, and keeps the new session', async () => {
    await registry.saveSession(accountId, keptSession, new Date());
    const fake = client({
      verifySessionToken: failed({ kind: 'session-expired', serverMessage: 'expired' }),
      openSession: succeeded({ sessionToken: renewedSession, user: humanUser({ login }) }),
    });
    const result = await check(fake);
    expect(result).toMatchObject({ kind: 'verified', by: 'passphrase', recorded: { saved: true, failedLogins: 0 } });
    // openSession probes the site itself before the passphrase goes out.
    expect(methods(fake)).toEqual(['verifySessionToken', 'openSession']);
    expect(fake.calls[1]).not.toMatchObject({ options: { alreadyProbed: expect.anything() } });
    expect(await registry.readSecret(accountId, 'session')).toEqual({ ok: true, value: renewedSession });
  });

  it('counts and pauses a refused renewal, recorded as the check it was', async () => {
    const fake = client({ openSession: failed(refused) });
    const result = await check(fake);
    expect(result).toMatchObject({ kind: 'failed', passphraseSent: true, finding: { code: 'GP-AUTH-NO-PAT' }, recorded: { saved: true, failedLogins: 1 } });
    expect(registry.get(accountId)).toMatchObject({ failedLogins: 1, checksPaused: true, lastHealth: 'failing', lastCheckReason: 'schedule', lastFindingCode: 'GP-AUTH-NO-PAT' });
  });

  it('leaves a paused login alone unless asked, sending nothing', async () => {
    pause();
    const fake = client({});
    expect(await check(fake)).toMatchObject({ kind: 'paused' });
    expect(fake.calls).toEqual([]);
  });

  it('retries a paused login, when asked, with its passphrase only: a working session does not lift a pause', async () => {
    await registry.saveSession(accountId, keptSession, new Date());
    pause();
    const fake = client({ verifySessionToken: succeeded(humanUser({ login })), verifyLogin: succeeded(humanUser({ login })) });
    const result = await check(fake, { reason: 'manual', paused: 'retry' });
    expect(methods(fake)).toEqual(['verifyLogin']);
    expect(result).toMatchObject({ kind: 'verified', by: 'passphrase' });
    expect(registry.get(accountId)).toMatchObject({ failedLogins: 0, checksPaused: false, lastHealth: 'ok' });
  });

  it('re-checks the passphrase itself when asked, whatever the kept session says', async () => {
    await registry.saveSession(accountId, keptSession, new Date());
    const fake = client({ verifySessionToken: succeeded(humanUser({ login })), verifyLogin: failed(refused) });
    const result = await check(fake, { reason: 'manual', by: 'passphrase' });
    expect(methods(fake)).toEqual(['verifyLogin']);
    expect(fake.calls[0]).toMatchObject({ credentials: { login, passphrase } });
    expect(result).toMatchObject({ kind: 'failed', passphraseSent: true, recorded: { failedLogins: 1 } });
  });

  it('never counts a session the site refused for another reason, and sends no passphrase after it', async () => {
    await registry.saveSession(accountId, keptSession, new Date());
    const fake = client({ verifySessionToken: failed({ kind: 'timeout', afterMs: 25_000 }) });
    const result = await check(fake);
    expect(result).toMatchObject({ kind: 'failed', passphraseSent: false, recorded: null });
    expect(methods(fake)).toEqual(['verifySessionToken']);
    expect(registry.get(accountId)).toMatchObject({ failedLogins: 0, checksPaused: false, lastCheckReach: 'not-sent' });
  });

  it('pauses a login whose passphrase is gone from the keychain, without contacting the site', async () => {
    await vault.remove({ kind: 'passphrase', host: 'mystudio.shotgrid.autodesk.com', login });
    const fake = client({});
    expect(await check(fake)).toMatchObject({ kind: 'no-passphrase', finding: { code: 'GP-SAVED-SECRET-MISSING' } });
    expect(fake.calls).toEqual([]);
    expect(registry.get(accountId)).toMatchObject({ checksPaused: true, failedLogins: 0 });
  });

  it('records nothing for a login that is no longer saved', async () => {
    await registry.forget(accountId);
    const fake = client({});
    expect(await check(fake)).toEqual({ kind: 'forgotten' });
    expect(fake.calls).toEqual([]);
  });
});
