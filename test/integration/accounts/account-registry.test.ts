// The account registry over a real settings file (conf) and the real Secret Service.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRegistry, type AccountRegistry, type VerifiedLogin } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import type { Vault } from '../../../src/vault/vault';
import { removeKeychainService, requireWorkingKeychain, uniqueKeychainService } from '../../fixtures/keyring';
import { plantedSecret } from '../../fixtures/plant-secret';

let service: string;
let vault: Vault;
let cwd: string;
let registry: AccountRegistry;
let clock: Date;
/** Every output of the registry in a test, to search for planted secrets. */
let outputs: unknown[];

const open = () => createAccountRegistry({ settings: openSettingsStore({ cwd }), vault, now: () => clock });
const record = <T>(value: T): T => (outputs.push(value), value);
/** A refused passphrase, as the refusal policy judges it. */
const refusal = { decision: decideAfter({ kind: 'failed', failure: { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'jane'." } }), check: null };
const configText = () => fs.readFileSync(path.join(cwd, 'config.json'), 'utf8');

function verified(overrides: Partial<VerifiedLogin> = {}): VerifiedLogin {
  return {
    site: 'https://studio.example.com',
    login: 'jane',
    displayName: 'Jane Doe',
    loginMethod: 'oxygen',
    passphrase: plantedSecret('passphrase'),
    ...overrides,
  };
}

beforeAll(() => requireWorkingKeychain(createKeychainVault({ service: uniqueKeychainService('probe') })));
beforeEach(() => {
  service = uniqueKeychainService('accounts');
  vault = createKeychainVault({ service });
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-accounts-'));
  clock = new Date('2025-03-01T09:00:00.000Z');
  outputs = [];
  registry = open();
});
afterEach(async () => {
  fs.rmSync(cwd, { recursive: true, force: true });
  await removeKeychainService(service);
});

describe('account registry', () => {
  it('saves a verified login: metadata in the settings file, passphrase and token in the keychain', async () => {
    const login = verified({ pat: plantedSecret('pat') });
    const saved = record(await registry.saveVerifiedLogin(login));
    expect(saved).toMatchObject({
      ok: true,
      value: {
        patFailure: null,
        account: {
          id: 'studio.example.com:jane',
          site: 'https://studio.example.com',
          host: 'studio.example.com',
          login: 'jane',
          displayName: 'Jane Doe',
          loginMethod: 'oxygen',
          createdAt: '2025-03-01T09:00:00.000Z',
          lastCheckedAt: '2025-03-01T09:00:00.000Z',
          lastCheckReason: 'setup',
          lastHealth: 'ok',
          hasSavedPat: true,
          checksPaused: false,
        },
      },
    });
    expect(await registry.readSecret('studio.example.com:jane', 'passphrase')).toEqual({ ok: true, value: login.passphrase });
    expect(await registry.readSecret('studio.example.com:jane', 'pat')).toEqual({ ok: true, value: login.pat });
    expect(open().list()).toEqual([saved.ok && saved.value.account]);

    for (const secret of [login.passphrase, login.pat!]) {
      expect(configText()).not.toContain(secret);
      expect(JSON.stringify(outputs)).not.toContain(secret);
    }
  });

  it('keeps a kept token when only the passphrase is saved again (pat left out)', async () => {
    const pat = plantedSecret('pat');
    await registry.saveVerifiedLogin(verified({ pat }));
    const again = await registry.saveVerifiedLogin(verified({ passphrase: plantedSecret('new-passphrase') }));
    expect(again).toMatchObject({ ok: true, value: { account: { hasSavedPat: true }, patFailure: null } });
    expect(await registry.readSecret('studio.example.com:jane', 'pat')).toEqual({ ok: true, value: pat });
  });

  it('keeps the first save date and drops a kept token when a login is saved again choosing not to keep one', async () => {
    await registry.saveVerifiedLogin(verified({ pat: plantedSecret('pat') }));
    clock = new Date('2025-03-02T09:00:00.000Z');
    const again = await registry.saveVerifiedLogin(verified({ displayName: 'J. Doe', pat: null }));
    expect(again).toMatchObject({
      ok: true,
      value: { account: { createdAt: '2025-03-01T09:00:00.000Z', lastCheckedAt: '2025-03-02T09:00:00.000Z', displayName: 'J. Doe', hasSavedPat: false } },
    });
    expect(await vault.list()).toEqual({ ok: true, value: [{ kind: 'passphrase', host: 'studio.example.com', login: 'jane' }] });
  });

  it('lists accounts by host then login and finds one by id', async () => {
    await registry.saveVerifiedLogin(verified({ site: 'https://b.example.com', login: 'amy' }));
    await registry.saveVerifiedLogin(verified({ site: 'https://a.example.com', login: 'zed' }));
    await registry.saveVerifiedLogin(verified({ site: 'https://a.example.com/some/page', login: 'bob' }));
    expect(registry.list().map((account) => account.id)).toEqual(['a.example.com:bob', 'a.example.com:zed', 'b.example.com:amy']);
    expect(registry.get('a.example.com:zed')?.site).toBe('https://a.example.com');
    expect(registry.get('a.example.com:nobody')).toBeNull();
  });

  it('records a check with its reason, health and finding', async () => {
    await registry.saveVerifiedLogin(verified());
    const at = new Date('2025-03-01T15:00:00.000Z');
    const checked = registry.recordCheck('studio.example.com:jane', {
      at,
      reason: 'schedule',
      health: 'attention',
      finding: { code: 'GP-AUTH-NO-PAT', title: 'This site needs a personal access token' },
    });
    expect(checked).toMatchObject({
      ok: true,
      value: { lastCheckedAt: at.toISOString(), lastCheckReason: 'schedule', lastHealth: 'attention', lastFindingCode: 'GP-AUTH-NO-PAT' },
    });
    expect(open().get('studio.example.com:jane')?.lastFindingTitle).toBe('This site needs a personal access token');
    expect(registry.recordCheck('nobody:here', { at, reason: 'manual', health: 'ok', finding: null })).toMatchObject({
      ok: false,
      failure: { kind: 'not-found' },
    });
  });

  it('counts failed logins it caused before a login is saved, and carries the count onto the account', async () => {
    expect(registry.recordAttempt('https://studio.example.com', 'jane', refusal)).toEqual({ ok: true, value: { failedLogins: 1, account: null } });
    expect(registry.recordAttempt('https://studio.example.com/', 'jane', refusal)).toEqual({ ok: true, value: { failedLogins: 2, account: null } });
    expect(open().failedLogins('https://studio.example.com', 'jane')).toBe(2);
    expect(registry.failedLogins('https://studio.example.com', 'amy')).toBe(0);

    const saved = await registry.saveVerifiedLogin(verified());
    expect(saved).toMatchObject({ ok: true, value: { account: { failedLogins: 2 } } });
    expect(JSON.parse(configText()).authFailures).toEqual([]);
  });

  it('keeps no trace of a typed login that is not saved: the count is kept under a keyed hash', async () => {
    const typed = plantedSecret('typed-login');
    expect(registry.recordAttempt('https://studio.example.com', typed, refusal)).toMatchObject({ ok: true, value: { failedLogins: 1 } });
    expect(open().recordAttempt('https://studio.example.com', typed, refusal)).toMatchObject({ ok: true, value: { failedLogins: 2 } });
    expect(configText()).not.toContain(typed);
    expect(configText().toLowerCase()).not.toContain(typed.toLowerCase());
    const file = JSON.parse(configText());
    expect(file.authFailureSalt).toMatch(/^[0-9a-f]{64}$/);
    expect(file.authFailures).toEqual([{ host: 'studio.example.com', loginHash: expect.stringMatching(/^[0-9a-f]{64}$/), count: 2, lastFailureAt: clock.toISOString() }]);
    expect(open().failedLogins('https://studio.example.com', typed)).toBe(2);

    const saved = await registry.saveVerifiedLogin(verified({ login: typed }));
    expect(saved).toMatchObject({ ok: true, value: { account: { failedLogins: 2 } } });
    expect(JSON.parse(configText()).authFailures).toEqual([]);
  });

  it('still counts a plain entry from an older file, and rewrites it hashed on the next write', async () => {
    const at = clock.toISOString();
    fs.writeFileSync(path.join(cwd, 'config.json'), JSON.stringify({ schemaVersion: 1, authFailures: [{ host: 'studio.example.com', login: 'Jane', count: 3, lastFailureAt: at }] }));
    registry = open();
    expect(registry.failedLogins('https://studio.example.com', 'jane')).toBe(3);
    expect(registry.recordAttempt('https://studio.example.com', 'amy', refusal)).toMatchObject({ ok: true, value: { failedLogins: 1 } });
    expect(configText()).not.toContain('Jane');
    expect(JSON.parse(configText()).authFailures).toHaveLength(2);
    expect(open().failedLogins('https://studio.example.com', 'JANE')).toBe(3);
    expect(open().recordAttempt('https://studio.example.com', 'jane', refusal)).toMatchObject({ ok: true, value: { failedLogins: 4 } });
  });

  it('counts refusals by the login as the site treats it, whatever its spelling', async () => {
    expect(registry.recordAttempt('https://studio.example.com', 'Jane', refusal)).toMatchObject({ ok: true, value: { failedLogins: 1 } });
    expect(registry.recordAttempt('https://studio.example.com', 'JANE ', refusal)).toMatchObject({ ok: true, value: { failedLogins: 2 } });
    expect(registry.failedLogins('https://studio.example.com', ' jane')).toBe(2);
    const saved = await registry.saveVerifiedLogin(verified({ login: 'jane' }));
    expect(saved).toMatchObject({ ok: true, value: { account: { failedLogins: 2 } } });
    registry.recordAttempt('https://studio.example.com', 'Jane', refusal);
    expect(registry.get('studio.example.com:jane')).toMatchObject({ failedLogins: 3, checksPaused: true });
  });

  it('pauses scheduled checks after one refusal on a saved account, until a verified login clears both', async () => {
    await registry.saveVerifiedLogin(verified());
    expect(registry.recordAttempt('https://studio.example.com', 'jane', refusal)).toMatchObject({ ok: true, value: { failedLogins: 1 } });
    expect(registry.get('studio.example.com:jane')).toMatchObject({ failedLogins: 1, checksPaused: true });
    const timeout = { decision: decideAfter({ kind: 'failed', failure: { kind: 'timeout', afterMs: 15_000 } }), check: null };
    registry.recordAttempt('https://studio.example.com', 'jane', timeout);
    expect(registry.get('studio.example.com:jane')).toMatchObject({ failedLogins: 1, checksPaused: true });
    const at = new Date('2025-03-01T16:00:00.000Z');
    const verifiedNow = { decision: decideAfter({ kind: 'verified' }), check: { at, reason: 'manual' as const, health: 'ok' as const, finding: null } };
    expect(registry.recordAttempt('https://studio.example.com', 'jane', verifiedNow)).toMatchObject({ ok: true, value: { failedLogins: 0 } });
    expect(registry.get('studio.example.com:jane')).toMatchObject({ failedLogins: 0, checksPaused: false, lastCheckedAt: at.toISOString(), lastHealth: 'ok' });
  });

  it('forgets an account: its metadata and its keychain entries together', async () => {
    await registry.saveVerifiedLogin(verified({ pat: plantedSecret('pat') }));
    await registry.saveVerifiedLogin(verified({ login: 'amy' }));
    const report = record(await registry.forget('studio.example.com:jane'));
    expect(report).toEqual({ accountsRemoved: 1, secretsRemoved: 2, secretFailures: [], settingsFailure: null, complete: true });
    expect(registry.list().map((account) => account.login)).toEqual(['amy']);
    expect(await vault.list()).toEqual({ ok: true, value: [{ kind: 'passphrase', host: 'studio.example.com', login: 'amy' }] });
  });

  it('reports a keychain entry it could not delete, and the entry turns up as an orphan later', async () => {
    await registry.saveVerifiedLogin(verified({ pat: plantedSecret('pat') }));
    const lockedFailure = { kind: 'locked' as const, message: 'Your keyring is locked.', fix: 'Unlock it.', detail: null };
    // The real vault, except that deleting a token fails as it does on a locked keyring.
    const flaky: Vault = {
      backend: vault.backend,
      service: vault.service,
      save: (ref, secret) => vault.save(ref, secret),
      read: (ref) => vault.read(ref),
      remove: async (ref) => (ref.kind === 'pat' ? { ok: false, failure: lockedFailure } : vault.remove(ref)),
      list: () => vault.list(),
      forgetSite: (host) => vault.forgetSite(host),
      forgetAll: () => vault.forgetAll(),
      selfTest: () => vault.selfTest(),
    };
    const report = await createAccountRegistry({ settings: openSettingsStore({ cwd }), vault: flaky }).forget('studio.example.com:jane');
    expect(report).toEqual({
      accountsRemoved: 1,
      secretsRemoved: 1,
      secretFailures: [{ ref: { kind: 'pat', host: 'studio.example.com', login: 'jane' }, failure: lockedFailure }],
      settingsFailure: null,
      complete: false,
    });
    expect(await registry.orphans()).toEqual({ ok: true, value: [{ kind: 'pat', host: 'studio.example.com', login: 'jane' }] });
  });

  it('forgets a site, then everything (end of booking), including failure counts', async () => {
    await registry.saveVerifiedLogin(verified({ site: 'https://a.example.com', pat: plantedSecret('pat') }));
    await registry.saveVerifiedLogin(verified({ site: 'https://b.example.com' }));
    await vault.save({ kind: 'script-key', host: 'a.example.com', login: 'ingest' }, plantedSecret('script'));
    registry.recordAttempt('https://a.example.com', 'newcomer', refusal);

    expect(await registry.forgetSite('a.example.com')).toMatchObject({ accountsRemoved: 1, secretsRemoved: 3, complete: true });
    expect(registry.failedLogins('https://a.example.com', 'newcomer')).toBe(0);
    expect(registry.list().map((account) => account.host)).toEqual(['b.example.com']);

    expect(await registry.forgetAll()).toMatchObject({ accountsRemoved: 1, secretsRemoved: 1, complete: true });
    expect(registry.list()).toEqual([]);
    expect(await vault.list()).toEqual({ ok: true, value: [] });
  });

  it('finds keychain entries left without metadata (e.g. after a crash) and cleans them up', async () => {
    await registry.saveVerifiedLogin(verified());
    // A crash between the keychain write and the settings write leaves these behind.
    await vault.save({ kind: 'passphrase', host: 'studio.example.com', login: 'ghost' }, plantedSecret('ghost'));
    await vault.save({ kind: 'pat', host: 'studio.example.com', login: 'jane' }, plantedSecret('stray-pat'));
    // Support staff's script keys have no account, and are not orphans.
    await vault.save({ kind: 'script-key', host: 'studio.example.com', login: 'ingest' }, plantedSecret('script'));

    const orphans = record(await registry.orphans());
    expect(orphans).toEqual({
      ok: true,
      value: [
        { kind: 'passphrase', host: 'studio.example.com', login: 'ghost' },
        { kind: 'pat', host: 'studio.example.com', login: 'jane' },
      ],
    });
    expect(await registry.cleanOrphans()).toEqual({ removed: 2, failures: [] });
    expect(await registry.orphans()).toEqual({ ok: true, value: [] });
    expect(await registry.readSecret('studio.example.com:jane', 'passphrase')).toMatchObject({ ok: true, value: expect.any(String) });
    expect(JSON.stringify(outputs)).not.toContain('planted-');
  });

  it('after a corrupt settings file, keeps the keychain untouched and counts nothing as an orphan until the old file is gone', async () => {
    const login = verified();
    await registry.saveVerifiedLogin(login);
    fs.writeFileSync(path.join(cwd, 'config.json'), '{"schemaVersion": 1, "accounts": [');

    const settings = openSettingsStore({ cwd });
    const recovered = createAccountRegistry({ settings, vault });
    expect(settings.notice).toMatch(/not valid JSON.*keychain were not touched/);
    expect(settings.notice).not.toMatch(/--clean/);
    expect(recovered.list()).toEqual([]);
    expect(await recovered.orphans()).toEqual({ ok: true, value: [] });
    expect(await recovered.cleanOrphans()).toEqual({ removed: 0, failures: [] });
    const [aside] = settings.heldBack().asideFiles;
    expect(recovered.orphansHeldBack()).toContain(aside);
    expect(await vault.read({ kind: 'passphrase', host: 'studio.example.com', login: 'jane' })).toEqual({ ok: true, value: login.passphrase });
    expect(settings.notice).not.toContain(login.passphrase);

    // Once the person has decided about the old file, the entry is an orphan like any other.
    fs.rmSync(aside ?? '');
    expect(recovered.orphansHeldBack()).toBeNull();
    expect(await recovered.orphans()).toEqual({ ok: true, value: [{ kind: 'passphrase', host: 'studio.example.com', login: 'jane' }] });
  });

  it('never counts the keychain entries of an account it cannot read as orphans', async () => {
    await registry.saveVerifiedLogin(verified());
    await registry.saveVerifiedLogin(verified({ login: 'omar' }));
    await vault.save({ kind: 'passphrase', host: 'studio.example.com', login: 'ghost' }, plantedSecret('ghost'));
    // A newer Gridpass recorded a health state this version does not know for omar.
    const file = JSON.parse(configText()) as { accounts: Array<Record<string, unknown>> };
    file.accounts = file.accounts.map((entry) => (entry.login === 'omar' ? { ...entry, lastHealth: 'expired' } : entry));
    fs.writeFileSync(path.join(cwd, 'config.json'), JSON.stringify(file));

    const settings = openSettingsStore({ cwd });
    const reopened = createAccountRegistry({ settings, vault });
    expect(reopened.list().map((entry) => entry.login)).toEqual(['jane']);
    expect(settings.notice).toMatch(/omar on studio\.example\.com/);
    expect(settings.notice).not.toMatch(/--clean/);
    expect(await reopened.orphans()).toEqual({ ok: true, value: [{ kind: 'passphrase', host: 'studio.example.com', login: 'ghost' }] });
    expect(reopened.orphansHeldBack()).toMatch(/accounts this version cannot read \(omar on studio\.example\.com\) are not counted as orphans/);
    expect(await reopened.cleanOrphans()).toEqual({ removed: 1, failures: [] });
    expect(await vault.read({ kind: 'passphrase', host: 'studio.example.com', login: 'omar' })).toMatchObject({ ok: true, value: expect.any(String) });
    expect(JSON.parse(configText()).accounts.map((entry: { login: string }) => entry.login)).toEqual(['jane', 'omar']);
  });

  it('lets go of an account it could not read when the person forgets that login, or everything', async () => {
    await registry.saveVerifiedLogin(verified());
    await registry.saveVerifiedLogin(verified({ login: 'omar' }));
    const file = JSON.parse(configText()) as { accounts: Array<Record<string, unknown>> };
    file.accounts = [
      ...file.accounts.map((entry) => (entry.login === 'omar' ? { ...entry, lastHealth: 'expired' } : entry)),
      { note: 'an entry that names no login' },
    ];
    fs.writeFileSync(path.join(cwd, 'config.json'), JSON.stringify(file));

    const reopened = createAccountRegistry({ settings: openSettingsStore({ cwd }), vault });
    const one = await reopened.forget('studio.example.com:omar');
    expect(one).toMatchObject({ accountsRemoved: 1, secretsRemoved: 1, complete: true });
    expect(JSON.parse(configText()).accounts.map((entry: { login?: string }) => entry.login ?? 'unnamed')).toEqual(['jane', 'unnamed']);

    const all = await reopened.forgetAll();
    expect(all).toMatchObject({ accountsRemoved: 2, complete: true });
    expect(JSON.parse(configText()).accounts).toEqual([]);
    expect(openSettingsStore({ cwd }).notice).toBeNull();
  });

  it('keeps a session token in its own keychain entry, with when the site last accepted it', async () => {
    const { value } = await registry.saveVerifiedLogin(verified()) as { value: { account: { id: string } } };
    const token = plantedSecret('session');
    clock = new Date('2025-03-01T10:00:00.000Z');
    const saved = record(await registry.saveSession(value.account.id, token, clock));
    expect(saved).toMatchObject({ ok: true, value: { sessionConfirmedAt: '2025-03-01T10:00:00.000Z' } });
    // The same service and account name tools read through Python's keyring.
    expect(await vault.read({ kind: 'session', host: 'studio.example.com', login: 'jane' })).toEqual({ ok: true, value: token });
    expect(await registry.readSecret(value.account.id, 'session')).toEqual({ ok: true, value: token });
    expect(registry.confirmSession(value.account.id, new Date('2025-03-01T11:00:00.000Z'))).toMatchObject({ ok: true, value: { sessionConfirmedAt: '2025-03-01T11:00:00.000Z' } });
    // To the minute: a confirmation within it writes nothing, the next minute's is recorded, and a
    // recorded time ahead of the clock is replaced.
    const written = configText();
    expect(registry.confirmSession(value.account.id, new Date('2025-03-01T11:00:59.000Z'))).toMatchObject({ ok: true, value: { sessionConfirmedAt: '2025-03-01T11:00:00.000Z' } });
    expect(configText()).toBe(written);
    expect(registry.confirmSession(value.account.id, new Date('2025-03-01T11:01:00.000Z'))).toMatchObject({ ok: true, value: { sessionConfirmedAt: '2025-03-01T11:01:00.000Z' } });
    expect(registry.confirmSession(value.account.id, new Date('2025-03-01T10:30:00.000Z'))).toMatchObject({ ok: true, value: { sessionConfirmedAt: '2025-03-01T10:30:00.000Z' } });
    expect(configText()).not.toContain(token);

    expect(await registry.dropSession(value.account.id)).toEqual({ ok: true, value: true });
    expect(registry.get(value.account.id)?.sessionConfirmedAt).toBeNull();
    expect(await registry.readSecret(value.account.id, 'session')).toEqual({ ok: true, value: null });
    expect(await registry.dropSession(value.account.id)).toEqual({ ok: true, value: false });
    expect(JSON.stringify(outputs)).not.toContain(token);
  });

  it('forgets session entries with their login, at the end of a booking, and finds them as orphans', async () => {
    await registry.saveVerifiedLogin(verified());
    await registry.saveVerifiedLogin(verified({ login: 'amy' }));
    await registry.saveSession('studio.example.com:jane', plantedSecret('session'), clock);
    await registry.saveSession('studio.example.com:amy', plantedSecret('session'), clock);
    expect(await registry.forget('studio.example.com:jane')).toMatchObject({ accountsRemoved: 1, secretsRemoved: 2, complete: true });
    expect(await vault.list()).toEqual({
      ok: true,
      value: [
        { kind: 'passphrase', host: 'studio.example.com', login: 'amy' },
        { kind: 'session', host: 'studio.example.com', login: 'amy' },
      ],
    });

    // A session whose login is gone (a crash, or a settings file set aside) is an orphan like a passphrase.
    await vault.save({ kind: 'session', host: 'studio.example.com', login: 'ghost' }, plantedSecret('session'));
    expect(await registry.orphans()).toEqual({ ok: true, value: [{ kind: 'session', host: 'studio.example.com', login: 'ghost' }] });

    expect(await registry.forgetAll()).toMatchObject({ accountsRemoved: 1, secretsRemoved: 3, complete: true });
    expect(await vault.list()).toEqual({ ok: true, value: [] });
  });

  it('refuses a site that is not a web address, and saves nothing', async () => {
    const result = await registry.saveVerifiedLogin(verified({ site: 'studio' }));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    expect(await vault.list()).toEqual({ ok: true, value: [] });
  });

  it('fails to save with the keychain’s own failure when there is no keychain, and writes no metadata', async () => {
    const noKeychain = createAccountRegistry({ settings: openSettingsStore({ cwd }), vault: createKeychainVault({ service, platform: 'aix' }) });
    const login = verified();
    const result = record(await noKeychain.saveVerifiedLogin(login));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'vault', failure: { kind: 'unavailable' } } });
    expect(noKeychain.list()).toEqual([]);
    expect(configText()).not.toContain(login.passphrase);
    expect(JSON.stringify(outputs)).not.toContain(login.passphrase);
  });

  it('saves the login but reports the token when only the token is refused', async () => {
    const result = await registry.saveVerifiedLogin(verified({ pat: 'x'.repeat(5000) }));
    expect(result).toMatchObject({ ok: true, value: { account: { hasSavedPat: false }, patFailure: { kind: 'too-large' } } });
    expect(await vault.list()).toEqual({ ok: true, value: [{ kind: 'passphrase', host: 'studio.example.com', login: 'jane' }] });
  });
});
