import { lockoutThreshold } from '../../accounts/refusal-policy';
import { findingFor, findingForFailure, findingForVerified, isFindingCode } from '../../diagnosis/finding-catalogue';
import { keychainFinding } from '../../diagnosis/keychain-finding';
import type { SavedAccount } from '../../settings/settings-schema';
import { parseSiteAddress, type SiteAddress } from '../../site/site-address';
import { checkSavedLogin, type SavedLoginCheck, type SavedLoginCheckRequest } from '../../use-cases/check-saved-login';
import type { RecordedAttempt } from '../../use-cases/record-attempt';
import type { Vault } from '../../vault/vault';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { cliFindingContext } from '../finding-context';
import type { KeychainAccess } from '../keychain-access';
import { pauseNotSavedFinding } from '../login-failures';
import type { VerifyResult } from './verify-document';

interface SavedLoginsRequest {
  /** Only the logins of this site; all when null. */
  site: SiteAddress | null;
  /** Also re-try logins whose checks were paused after a refused passphrase (with their passphrase). */
  includePaused: boolean;
  /** Re-check the passphrase itself rather than the kept session first. */
  recheckPassphrase: boolean;
  timeoutMs: number;
}

/**
 * Re-checks saved logins one after another exactly as the app does (check-saved-login): the kept
 * session first, the passphrase only when it is needed or asked for, and a login paused after a refusal
 * left alone unless asked: one more refusal brings it closer to the hour-long lockout.
 */
export async function verifySavedLogins(io: CliIo, context: CliContext, request: SavedLoginsRequest): Promise<VerifyResult[]> {
  const access = await context.keychain({ readsSecrets: true });
  if (access.settingsNotice !== null) io.err(access.settingsNotice);
  const accounts = access.registry.list().filter((account) => request.site === null || account.site === request.site.origin);
  if (accounts.length === 0) {
    io.err(request.site === null ? 'No saved logins yet: save one with "gridpass login --site S --login L" or the Gridpass app first.' : `No saved logins for ${request.site.origin}.`);
    return [];
  }
  const results: VerifyResult[] = [];
  for (const account of accounts) results.push(await checkOne(context, access, account, request));
  return results;
}

async function checkOne(context: CliContext, access: KeychainAccess, account: SavedAccount, request: SavedLoginsRequest): Promise<VerifyResult> {
  const deps = {
    client: context.client(), registry: access.registry, now: () => context.now(), timeoutMs: request.timeoutMs,
    findingContext: (saved: SavedAccount) => cliFindingContext(context, siteOf(saved), saved.loginMethod, { login: saved.login }),
    onPassphrase: (passphrase: string) => context.secrets.add(passphrase),
  };
  const check: SavedLoginCheckRequest = {
    accountId: account.id, reason: 'manual',
    by: request.recheckPassphrase ? 'passphrase' : 'kept-session', paused: request.includePaused ? 'retry' : 'skip',
  };
  return savedLoginResult(context, access.vault, account, await checkSavedLogin(deps, check));
}

/** The use case's result as `verify --saved` prints it; refusal counts are shown as they are after the check. */
function savedLoginResult(context: CliContext, vault: Vault, before: SavedAccount, checked: SavedLoginCheck): VerifyResult {
  const account = checked.kind === 'forgotten' ? before : checked.account;
  const site = siteOf(account);
  const findingContext = cliFindingContext(context, site, account.loginMethod, { login: account.login, failedLogins: account.failedLogins });
  const base = {
    site: account.site, loginMethod: account.loginMethod, login: account.login, credential: 'passphrase' as const,
    user: null, script: null, failedLogins: account.failedLogins,
  };
  const notSaved = 'recorded' in checked ? notSavedFinding(context, account, checked.recorded) : {};
  switch (checked.kind) {
    case 'forgotten':
      return { ...base, ok: false, outcome: 'forgotten', finding: null, note: 'This login was forgotten while it was being checked: nothing was recorded.' };
    case 'paused': {
      const code = account.lastFindingCode;
      return {
        ...base, ok: false, outcome: 'paused',
        finding: code !== null && isFindingCode(code) ? findingFor(code, findingContext) : null,
        note: `Not re-tried: checks for this login are paused until someone acts (${account.failedLogins} refused ` +
          `${account.failedLogins === 1 ? 'login' : 'logins'} caused by Gridpass; ShotGrid locks an account for an hour after ${lockoutThreshold}). ` +
          'Fix the cause first, then re-check it with --include-paused.',
      };
    }
    case 'verified':
      return { ...base, ...notSaved, ok: true, outcome: 'checked', user: checked.user, finding: findingForVerified(findingContext), note: null };
    case 'failed':
      return { ...base, ...notSaved, ok: false, outcome: 'checked', finding: findingForFailure(checked.failure, findingContext), note: null };
    case 'no-passphrase':
      return {
        ...base, ...notSaved, ok: false, outcome: 'no-secret', finding: checked.finding,
        note: 'The keychain holds no passphrase for this login (it may have been removed outside Gridpass). Save the login again with "gridpass login" or in the Gridpass app.',
      };
    case 'unreadable': {
      const finding = checked.failure.kind === 'vault' ? keychainFinding(vault, checked.failure.failure, findingContext) : checked.finding;
      return { ...base, ok: false, outcome: 'no-secret', finding, note: 'The passphrase could not be read from the keychain.' };
    }
  }
}

/** A refusal or pause the settings file does not hold: the run says so and exits 1. */
function notSavedFinding(context: CliContext, account: SavedAccount, recorded: RecordedAttempt | null): Pick<VerifyResult, 'notSaved'> {
  if (recorded === null || recorded.saved || !recorded.pauseHeldInMemory) return {};
  return { notSaved: pauseNotSavedFinding(context, siteOf(account), account.login, recorded.why) };
}

function siteOf(account: SavedAccount): SiteAddress | null {
  const parsed = parseSiteAddress(account.site);
  return parsed.ok ? parsed.site : null;
}
