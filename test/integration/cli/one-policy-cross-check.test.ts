/**
 * The same saved logins in two settings folders, one the app's and one the command line's, sharing one
 * keychain and one practice site (and an SSO site for the SSO case). Each is checked once by the person
 * (Check now in the app, `gridpass verify --saved --include-paused`), and afterwards both folders say the
 * same thing about each login: the refusal policy is one rule for both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRegistry, type AccountRegistry } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site';
import type { SavedAccount } from '../../../src/settings/settings-schema';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import type { Vault } from '../../../src/vault/vault';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { requireWorkingKeychain } from '../../fixtures/keyring';
import { startRealService, type RealService } from '../../fixtures/real-service';
import { practiceAccount } from '../../fixtures/practice-site';

let sandbox: CliSandbox;
let appHome: string;
let app: RealService;
let ssoSite: PracticeSite;
let vault: Vault;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('cross-check');
  vault = createKeychainVault({ service: sandbox.service });
  await requireWorkingKeychain(vault);
  appHome = await mkdtemp(path.join(tmpdir(), 'gridpass-cross-check-app-'));
  app = await startRealService({ shared: { home: appHome, keychainService: sandbox.service } });
  ssoSite = await startPracticeSite({ method: 'saml2' });
});

afterAll(async () => {
  await app?.close();
  await ssoSite?.close();
  await sandbox?.cleanup();
  if (appHome) await rm(appHome, { recursive: true, force: true });
});

const refusal = { decision: decideAfter({ kind: 'failed', failure: { kind: 'auth-rejected', code: 102, serverMessage: '' } }), check: null };

/** What the policy leaves in the settings file, compared between the two folders. */
function savedState(account: SavedAccount | null) {
  if (account === null) return null;
  const { failedLogins, checksPaused, lastHealth, lastFindingCode, lastCheckReason, lastCheckReach } = account;
  return { failedLogins, checksPaused, lastHealth, lastFindingCode, lastCheckReason, lastCheckReach };
}

describe('one refusal policy for the app and the command line', () => {
  it('leaves the same saved state after refused, locked, missing-secret, SSO and verified-after-a-refusal checks', async () => {
    const site = app.site;
    const maya = practiceAccount(site, 'works');
    const sofia = practiceAccount(site, 'locked');
    const elena = practiceAccount(site, 'admin');
    const marta = practiceAccount(site, 'works-legacy-login');
    const ssoPerson = ssoSite.accounts[0]!;
    const logins = [
      { name: 'refused', site: site.url, login: maya.login, passphrase: 'planted-stale-passphrase-91e2' },
      { name: 'locked', site: site.url, login: sofia.login, passphrase: sofia.passphrase! },
      { name: 'missing secret', site: site.url, login: marta.login, passphrase: 'planted-removed-passphrase-5b0a' },
      { name: 'SSO', site: ssoSite.url, login: ssoPerson.login, passphrase: ssoPerson.passphrase ?? 'planted-sso-passphrase-7c3f' },
      { name: 'verified after a refusal', site: site.url, login: elena.login, passphrase: elena.passphrase! },
    ];
    const folders: Record<'app' | 'cli', AccountRegistry> = {
      app: createAccountRegistry({ settings: openSettingsStore({ cwd: appHome }), vault }),
      cli: createAccountRegistry({ settings: openSettingsStore({ cwd: sandbox.home }), vault }),
    };
    const ids = new Map<string, string>();
    for (const registry of Object.values(folders)) {
      for (const entry of logins) {
        const saved = await registry.saveVerifiedLogin({ site: entry.site, login: entry.login, displayName: null, loginMethod: null, passphrase: entry.passphrase });
        if (!saved.ok) throw new Error(`could not save ${entry.name}`);
        ids.set(entry.name, saved.value.account.id);
      }
      // Refused once before (on this computer), so paused: the person now checks it with the right passphrase.
      registry.recordAttempt(site.url, elena.login, refusal);
    }
    await vault.remove({ kind: 'passphrase', host: new URL(site.url).host, login: marta.login });

    for (const entry of logins) await app.service.checkAccount({ accountId: ids.get(entry.name)! });
    const cli = await sandbox.run(['verify', '--saved', '--include-paused', '--json']);
    expect(cli.code).toBe(1);

    for (const entry of logins) {
      const id = ids.get(entry.name)!;
      const [inApp, inCli] = [folders.app.get(id), folders.cli.get(id)];
      expect(savedState(inCli), entry.name).toEqual(savedState(inApp));
    }
    expect(savedState(folders.app.get(ids.get('refused')!))).toMatchObject({ failedLogins: 1, checksPaused: true, lastHealth: 'failing' });
    expect(savedState(folders.app.get(ids.get('locked')!))).toMatchObject({ failedLogins: 1, checksPaused: true, lastFindingCode: 'GP-ACCOUNT-LOCKED' });
    expect(savedState(folders.app.get(ids.get('missing secret')!))).toMatchObject({ failedLogins: 0, checksPaused: true, lastFindingCode: 'GP-SAVED-SECRET-MISSING' });
    expect(savedState(folders.app.get(ids.get('SSO')!))).toMatchObject({ failedLogins: 0, checksPaused: true, lastFindingCode: 'GP-AUTH-SSO-ONLY' });
    expect(savedState(folders.app.get(ids.get('verified after a refusal')!))).toMatchObject({ failedLogins: 0, checksPaused: false, lastHealth: 'ok' });
  });
});
