/**
 * The same saved logins in two settings folders, one the app's and one the command line's, sharing one
 * keychain and one practice site (and an SSO site for the SSO case). Each is checked once by the person
 * (Check now in the app, `gridpass verify --saved --include-paused --recheck-passphrase`) or on the tray's
 * schedule (`gridpass verify --saved`), and afterwards both folders say the same thing about each login
 * and the practice site's request log shows the same passphrase requests from each side: one use case
 * (check-saved-login) and one refusal policy for both.
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
import { api3, practiceAccount, sessionIdOf } from '../../fixtures/practice-site';
import { plantedSecret } from '../../fixtures/plant-secret';

let sandbox: CliSandbox;
let appHome: string;
let app: RealService;
let ssoSite: PracticeSite;
let sessionSite: PracticeSite;
let vault: Vault;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('cross-check');
  vault = createKeychainVault({ service: sandbox.service });
  await requireWorkingKeychain(vault);
  appHome = await mkdtemp(path.join(tmpdir(), 'gridpass-cross-check-app-'));
  app = await startRealService({ shared: { home: appHome, keychainService: sandbox.service } });
  ssoSite = await startPracticeSite({ method: 'saml2' });
  sessionSite = await startPracticeSite({ method: 'oxygen' });
});

afterAll(async () => {
  await app?.close();
  await ssoSite?.close();
  await sessionSite?.close();
  await sandbox?.cleanup();
  if (appHome) await rm(appHome, { recursive: true, force: true });
});

const refusal = { decision: decideAfter({ kind: 'failed', failure: { kind: 'auth-rejected', code: 102, serverMessage: '' } }), check: null };

/** Requests that carried this login's passphrase, on any of the sites. */
function passphraseRequests(sites: readonly PracticeSite[], login: string): number {
  return sites.flatMap((site) => site.log.entries()).filter((entry) => entry.authKind === 'password' && entry.principal === login).length;
}

/** What the policy leaves in the settings file, compared between the two folders. */
function savedState(account: SavedAccount | null) {
  if (account === null) return null;
  const { failedLogins, checksPaused, lastHealth, lastFindingCode, lastCheckReason, lastCheckReach } = account;
  return { failedLogins, checksPaused, lastHealth, lastFindingCode, lastCheckReason, lastCheckReach };
}

/** Each login saved, verified, in the app's settings folder and in the CLI's, with one keychain behind both. */
async function savedInBothFolders(logins: readonly { name: string; site: string; login: string; passphrase: string }[], loginMethod: 'oxygen' | null) {
  const folders: Record<'app' | 'cli', AccountRegistry> = {
    app: createAccountRegistry({ settings: openSettingsStore({ cwd: appHome }), vault }),
    cli: createAccountRegistry({ settings: openSettingsStore({ cwd: sandbox.home }), vault }),
  };
  const ids = new Map<string, string>();
  for (const registry of Object.values(folders)) {
    for (const entry of logins) {
      const saved = await registry.saveVerifiedLogin({ site: entry.site, login: entry.login, displayName: null, loginMethod, passphrase: entry.passphrase });
      if (!saved.ok) throw new Error(`could not save ${entry.name}`);
      ids.set(entry.name, saved.value.account.id);
    }
  }
  return { folders, ids };
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
      { name: 'refused', site: site.url, login: maya.login, passphrase: plantedSecret('stale-passphrase') },
      { name: 'locked', site: site.url, login: sofia.login, passphrase: sofia.passphrase! },
      { name: 'missing secret', site: site.url, login: marta.login, passphrase: plantedSecret('removed-passphrase') },
      { name: 'SSO', site: ssoSite.url, login: ssoPerson.login, passphrase: ssoPerson.passphrase ?? plantedSecret('sso-passphrase') },
      { name: 'verified after a refusal', site: site.url, login: elena.login, passphrase: elena.passphrase! },
    ];
    const { folders, ids } = await savedInBothFolders(logins, null);
    // Refused once before (on this computer), so paused: the person now checks it with the right passphrase.
    for (const registry of Object.values(folders)) registry.recordAttempt(site.url, elena.login, refusal);
    await vault.remove({ kind: 'passphrase', host: new URL(site.url).host, login: marta.login });
    const sites = [site, ssoSite];
    const requestsOf = () => Object.fromEntries(logins.map((entry) => [entry.name, passphraseRequests(sites, entry.login)]));
    for (const each of sites) each.log.clear();

    for (const entry of logins) await app.service.checkAccount({ accountId: ids.get(entry.name)! });
    const byApp = requestsOf();
    for (const each of sites) each.log.clear();
    const cli = await sandbox.run(['verify', '--saved', '--include-paused', '--recheck-passphrase', '--json']);
    expect(cli.code).toBe(1);
    const byCli = requestsOf();

    for (const entry of logins) {
      const id = ids.get(entry.name)!;
      const [inApp, inCli] = [folders.app.get(id), folders.cli.get(id)];
      expect(savedState(inCli), entry.name).toEqual(savedState(inApp));
    }
    expect(byCli).toEqual(byApp);
    // Each passphrase went out exactly once per side, except the one the keychain no longer holds.
    expect(byApp).toEqual({ refused: 1, locked: 1, 'missing secret': 0, SSO: 1, 'verified after a refusal': 1 });
    expect(savedState(folders.app.get(ids.get('refused')!))).toMatchObject({ failedLogins: 1, checksPaused: true, lastHealth: 'failing' });
    expect(savedState(folders.app.get(ids.get('locked')!))).toMatchObject({ failedLogins: 1, checksPaused: true, lastFindingCode: 'GP-ACCOUNT-LOCKED' });
    expect(savedState(folders.app.get(ids.get('missing secret')!))).toMatchObject({ failedLogins: 0, checksPaused: true, lastFindingCode: 'GP-SAVED-SECRET-MISSING' });
    expect(savedState(folders.app.get(ids.get('SSO')!))).toMatchObject({ failedLogins: 0, checksPaused: true, lastFindingCode: 'GP-AUTH-SSO-ONLY' });
    expect(savedState(folders.app.get(ids.get('verified after a refusal')!))).toMatchObject({ failedLogins: 0, checksPaused: false, lastHealth: 'ok' });
  });

  it('makes the same requests on the schedule and in verify --saved: the kept session first, the passphrase only once it expired', async () => {
    const fresh = practiceAccount(sessionSite, 'works');
    const expired = practiceAccount(sessionSite, 'works-legacy-login');
    const paused = practiceAccount(sessionSite, 'admin');
    const logins = [
      { name: 'session still good', login: fresh.login, passphrase: fresh.passphrase! },
      { name: 'session expired', login: expired.login, passphrase: expired.passphrase! },
      { name: 'paused, session still good', login: paused.login, passphrase: paused.passphrase! },
    ];
    const { folders, ids } = await savedInBothFolders(logins.map((entry) => ({ ...entry, site: sessionSite.url })), 'oxygen');
    // Each login has a session kept in the one keychain, as a save leaves it, confirmed in both folders.
    for (const entry of logins) {
      const token = sessionIdOf(await api3(sessionSite, 'get_session_token', { user_login: entry.login, user_password: entry.passphrase }));
      for (const registry of Object.values(folders)) await registry.saveSession(ids.get(entry.name)!, token, new Date());
    }
    for (const registry of Object.values(folders)) registry.recordAttempt(sessionSite.url, paused.login, refusal);

    const requestsOf = () => Object.fromEntries(logins.map((entry) => [entry.name, passphraseRequests([sessionSite], entry.login)]));
    sessionSite.expireSessions(expired.login);
    sessionSite.log.clear();
    for (const entry of logins) await app.service.runScheduledCheck(ids.get(entry.name)!, 'schedule');
    const byApp = requestsOf();

    sessionSite.expireSessions(expired.login);
    sessionSite.log.clear();
    const cli = await sandbox.run(['verify', '--saved', '--site', sessionSite.url, '--json']);
    expect(cli.code).toBe(1);
    const byCli = requestsOf();

    expect(byCli).toEqual(byApp);
    expect(byApp).toEqual({ 'session still good': 0, 'session expired': 1, 'paused, session still good': 0 });
    for (const entry of logins) {
      const id = ids.get(entry.name)!;
      // The app recorded a scheduled check and the CLI a check by hand; everything else is the same.
      const [inApp, inCli] = [folders.app.get(id), folders.cli.get(id)].map((account) => ({ ...savedState(account), lastCheckReason: null }));
      expect(inCli, entry.name).toEqual(inApp);
    }
    expect(savedState(folders.cli.get(ids.get('session expired')!))).toMatchObject({ lastHealth: 'ok', failedLogins: 0, checksPaused: false });
    expect(savedState(folders.cli.get(ids.get('paused, session still good')!))).toMatchObject({ failedLogins: 1, checksPaused: true });
  });
});
