import type { AccountRegistry } from '../../accounts/account-registry';
import { decideAfter, lockoutThreshold, type AttemptOutcome } from '../../accounts/refusal-policy';
import { findingFor, findingForFailure, findingForVerified, isFindingCode } from '../../diagnosis/finding-catalogue';
import type { Finding } from '../../diagnosis/finding';
import type { SavedAccount } from '../../settings/settings-schema';
import { parseSiteAddress, type SiteAddress } from '../../site/site-address';
import type { Vault } from '../../vault/vault';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { cliFindingContext } from '../finding-context';
import { keychainFinding } from '../../diagnosis/keychain-finding';
import { pauseNotSavedFinding } from '../login-failures';
import type { VerifyResult } from './verify-document';

interface SavedLoginsRequest {
  /** Only the logins of this site; all when null. */
  site: SiteAddress | null;
  /** Also re-try logins whose checks were paused after a refused passphrase. */
  includePaused: boolean;
  timeoutMs: number;
}

/**
 * Re-checks saved logins one after another with their keychain passphrases, and records each result
 * as the app's scheduled checks do. A login paused after a refusal is left alone unless asked: one
 * more refusal brings it closer to the hour-long lockout, and nothing has changed until someone acts.
 */
export async function verifySavedLogins(io: CliIo, context: CliContext, request: SavedLoginsRequest): Promise<VerifyResult[]> {
  const access = await context.keychain();
  if (access.settingsNotice !== null) io.err(access.settingsNotice);
  const accounts = access.registry.list().filter((account) => request.site === null || account.site === request.site.origin);
  if (accounts.length === 0) {
    io.err(request.site === null ? 'No saved logins yet: save one with "gridpass login --site S --login L" or the Gridpass app first.' : `No saved logins for ${request.site.origin}.`);
    return [];
  }
  const results: VerifyResult[] = [];
  for (const account of accounts) results.push(await checkSavedLogin(context, access.registry, access.vault, account, request));
  return results;
}

async function checkSavedLogin(
  context: CliContext,
  registry: AccountRegistry,
  vault: Vault,
  account: SavedAccount,
  request: SavedLoginsRequest,
): Promise<VerifyResult> {
  const parsed = parseSiteAddress(account.site);
  const site = parsed.ok ? parsed.site : null;
  const findingContext = cliFindingContext(context, site, account.loginMethod, { login: account.login, failedLogins: account.failedLogins });
  const base = {
    site: account.site, loginMethod: account.loginMethod, login: account.login, credential: 'passphrase' as const,
    user: null, script: null, failedLogins: account.failedLogins,
  };
  if (account.checksPaused && !request.includePaused) {
    const code = account.lastFindingCode;
    return {
      ...base, ok: false, outcome: 'paused',
      finding: code !== null && isFindingCode(code) ? findingFor(code, findingContext) : null,
      note: `Not re-tried: checks for this login are paused until someone acts (${account.failedLogins} refused ` +
        `${account.failedLogins === 1 ? 'login' : 'logins'} caused by Gridpass; ShotGrid locks an account for an hour after ${lockoutThreshold}). ` +
        'Fix the cause first, then re-check it with --include-paused.',
    };
  }
  const secret = await registry.readSecret(account.id, 'passphrase');
  if (!secret.ok || secret.value === null || site === null) {
    const failure = secret.ok ? null : secret.failure.kind === 'vault' ? secret.failure.failure : null;
    const finding = failure === null ? findingFor('GP-SAVED-SECRET-MISSING', findingContext) : keychainFinding(vault, failure, findingContext);
    // A keychain that cannot be read now may work later; an entry that is gone needs the person.
    const recorded = failure === null ? record(context, registry, account, { kind: 'secret-missing' }, finding, context.now()) : {};
    return {
      ...base, ...recorded, ok: false, outcome: 'no-secret', finding,
      note: failure !== null
        ? 'The passphrase could not be read from the keychain.'
        : 'The keychain holds no passphrase for this login (it may have been removed outside Gridpass). Save the login again in the Gridpass app.',
    };
  }
  context.secrets.add(secret.value);
  const outcome = await context.client().verifyLogin(site, { login: account.login, passphrase: secret.value }, { timeoutMs: request.timeoutMs });
  const at = context.now();
  if (outcome.ok) {
    const finding = findingForVerified(findingContext);
    const recorded = record(context, registry, account, { kind: 'verified' }, null, at);
    return { ...base, ...recorded, ok: true, outcome: 'checked', user: outcome.value, finding, note: null };
  }
  const attempt: AttemptOutcome = { kind: 'failed', failure: outcome.failure };
  const counted = decideAfter(attempt).counts ? account.failedLogins + 1 : account.failedLogins;
  const finding = findingForFailure(outcome.failure, { ...findingContext, failedLogins: counted });
  return { ...base, ...record(context, registry, account, attempt, finding, at), ok: false, outcome: 'checked', finding, note: null };
}

/**
 * Records the check as the app's scheduled checks do, with the same policy. Resolves the refusal
 * count, and the finding to show when a refusal or pause could not be saved.
 */
function record(
  context: CliContext, registry: AccountRegistry, account: SavedAccount, attempt: AttemptOutcome, finding: Finding | null, at: Date,
): { failedLogins: number; notSaved?: Finding } {
  const decision = decideAfter(attempt);
  const check = { at, reason: 'manual' as const, health: decision.health, finding: finding && { code: finding.code, title: finding.title }, reach: decision.reach };
  const recorded = registry.recordAttempt(account.site, account.login, { decision, check });
  if (recorded.ok) return { failedLogins: recorded.value.failedLogins };
  const failedLogins = registry.failedLogins(account.site, account.login);
  if (!decision.counts && !decision.pauses) return { failedLogins };
  const why = 'failure' in recorded.failure ? recorded.failure.failure.message : recorded.failure.message;
  const parsed = parseSiteAddress(account.site);
  return { failedLogins, notSaved: pauseNotSavedFinding(context, parsed.ok ? parsed.site : null, account.login, why) };
}
