/**
 * Saved logins: list them, re-check them (by hand or on the schedule), forget them. The one rule that
 * matters most lives here: after a refusal, Gridpass stops checking that login by itself, because ten
 * refusals lock the account for an hour.
 */
import type { AccountRegistry, CheckRecord } from '../accounts/account-registry';
import { decideAfter, type AttemptOutcome, type PassphraseReach } from '../accounts/refusal-policy';
import type { ForgetReport } from '../accounts/account-failure';
import { findingFor, findingForFailure, isFindingCode, type FindingContext } from '../diagnosis/finding-catalogue';
import { helpLinks } from '../diagnosis/help-links';
import type { AccountHealth, AccountView, CheckReason, EndOfBookingResponse, Finding, OrphanView, SimpleResponse } from '../ipc/contract';
import type { SavedAccount } from '../settings/settings-schema';
import type { ShotgridClient } from '../shotgrid/shotgrid-client';
import { siteFromOrigin } from '../site/site-address';
import { accountFailureFinding } from '../diagnosis/account-failure-finding';
import { freshSession } from '../use-cases/fresh-session';
import { secretMissingCode, toAccountView } from './views';

interface AccountsDeps {
  client: ShotgridClient;
  registry: AccountRegistry;
  findingContext: (partial: Pick<FindingContext, 'loginMethod' | 'site' | 'login' | 'failedLogins'>) => FindingContext;
  now: () => Date;
  /** Drops what the wizard holds in memory, at the end of a booking. */
  forgetHeldSecrets: () => Promise<void>;
  /** A check's outcome could not be written to the settings file (the registry holds any pause in memory). */
  onNotSaved?: () => void;
}

export function createAccountsService(deps: AccountsDeps) {
  const { registry } = deps;

  // The account card shows the refusal count itself, so its findings leave the count out.
  function contextOf(account: SavedAccount): FindingContext {
    return deps.findingContext({ loginMethod: account.loginMethod, site: siteFromOrigin(account.site), login: account.login });
  }

  function view(account: SavedAccount): AccountView {
    return toAccountView(account, (code) => (isFindingCode(code) ? findingFor(code, contextOf(account)) : null));
  }

  function record(account: SavedAccount, reason: CheckReason, health: AccountHealth, finding: Finding | null, reach?: PassphraseReach): AccountView {
    const check: CheckRecord = { at: deps.now(), reason, health, finding: finding && { code: finding.code, title: finding.title }, ...(reach ? { reach } : {}) };
    const recorded = registry.recordCheck(account.id, check);
    return view(recorded.ok ? recorded.value : account);
  }

  function accountOrThrow(id: string): SavedAccount {
    const account = registry.get(id);
    // The IPC layer turns this into a plain message for the renderer.
    if (account === null) throw new Error('That login is no longer saved in Gridpass.');
    return account;
  }

  /** Checks under way, by account: an overlapping check shares the one login already sent. */
  const inFlight = new Map<string, Promise<AccountView>>();

  function check(id: string, reason: CheckReason): Promise<AccountView> {
    // Two checks at once (the schedule and coming back online, or a double click) would send the same
    // passphrase twice, and a wrong one would count twice towards the lockout.
    const running = inFlight.get(id);
    if (running) return running;
    const started = checkOnce(id, reason).finally(() => inFlight.delete(id));
    inFlight.set(id, started);
    return started;
  }

  async function checkOnce(id: string, reason: CheckReason): Promise<AccountView> {
    const account = accountOrThrow(id);
    // Scheduled checks never retry a refused login; only the person can restart them.
    if (account.checksPaused && reason !== 'manual') return view(account);
    // "Check now" is the person asking whether the saved passphrase still works; the schedule only has to
    // know that the login does, and keeps the session tools use alive while it is at it.
    return reason === 'manual' ? checkPassphrase(account, reason) : checkBySession(account, reason);
  }

  /**
   * The kept session first (`reject_if_expired`: no password); the passphrase only when the site says the
   * session has expired, at most once, never for a paused login. A refused session is not a refused
   * password, so only a try of the passphrase goes to the refusal policy.
   */
  async function checkBySession(account: SavedAccount, reason: CheckReason): Promise<AccountView> {
    const result = await freshSession({ client: deps.client, registry, now: deps.now }, account);
    accountOrThrow(account.id);
    if (result.attempt !== null) return recordOutcome(account, reason, result.attempt);
    if (result.ok) return record(result.account, reason, 'ok', null);
    const { problem } = result;
    switch (problem.kind) {
      case 'paused':
        return view(result.account);
      case 'account':
        return record(account, reason, 'attention', accountFailureFinding(problem.failure, contextOf(account)), 'not-sent');
      case 'no-passphrase':
        return recordOutcome(account, reason, { kind: 'secret-missing' });
      case 'site': {
        // The session was not accepted for another reason (the network, the site, the account's state): shown, never counted.
        const { health } = decideAfter({ kind: 'failed', failure: problem.failure });
        return record(account, reason, health, findingForFailure(problem.failure, contextOf(account)), 'not-sent');
      }
    }
  }

  async function checkPassphrase(account: SavedAccount, reason: CheckReason): Promise<AccountView> {
    const id = account.id;
    const secret = await registry.readSecret(id, 'passphrase');
    // The keychain could not be read, so nothing was sent: a returning network or a wake-up may try again.
    if (!secret.ok) return record(account, reason, 'attention', accountFailureFinding(secret.failure, contextOf(account)), 'not-sent');
    if (secret.value === null) return recordOutcome(account, reason, { kind: 'secret-missing' });
    const site = siteFromOrigin(account.site);
    const result = await deps.client.verifyLogin(site, { login: account.login, passphrase: secret.value });
    return recordOutcome(account, reason, result.ok ? { kind: 'verified' } : { kind: 'failed', failure: result.failure });
  }

  /** Counts, pauses or clears as the refusal policy decides, with the check, in one write. */
  function recordOutcome(account: SavedAccount, reason: CheckReason, outcome: AttemptOutcome): AccountView {
    // Forgotten while the check was under way: counting the refusal would write the login back into the settings file.
    accountOrThrow(account.id);
    const decision = decideAfter(outcome);
    const finding = findingOf(account, outcome);
    const check: CheckRecord = {
      at: deps.now(), reason, health: decision.health, finding: finding && { code: finding.code, title: finding.title }, reach: decision.reach,
    };
    const recorded = registry.recordAttempt(account.site, account.login, { decision, check });
    // The write failed, so no settings event goes out: the tray and the window still have to hear of it.
    if (!recorded.ok) deps.onNotSaved?.();
    return view(registry.get(account.id) ?? account);
  }

  function findingOf(account: SavedAccount, outcome: AttemptOutcome): Finding | null {
    switch (outcome.kind) {
      case 'verified':
        return null;
      case 'secret-missing':
        return findingFor(secretMissingCode, contextOf(account));
      case 'failed':
        return findingForFailure(outcome.failure, contextOf(account));
    }
  }

  function forgetResponse(report: ForgetReport): SimpleResponse {
    if (report.complete) return { ok: true };
    const left = report.secretFailures.length;
    const why = report.secretFailures[0]?.failure.message ?? report.settingsFailure?.message ?? 'unknown reason';
    return { ok: false, message: `Forgotten, except ${left === 1 ? 'one keychain entry' : `${left} keychain entries`} that could not be removed: ${why}` };
  }

  return {
    list: (): AccountView[] => registry.list().map(view),
    /**
     * A diagnosis tried this saved login: count, pause or clear as a check would, and show why. Null
     * when the login was forgotten while the diagnosis ran: there is nothing left to mark.
     */
    recordAttempt(id: string, attempt: AttemptOutcome): AccountView | null {
      const account = registry.get(id);
      if (account === null) return null;
      return recordOutcome(account, 'manual', attempt);
    },
    /** The wizard has just verified this login: that is its first check, no need to log in again. */
    recordVerified(id: string): AccountView {
      return record(accountOrThrow(id), 'setup', 'ok', null);
    },
    check,
    async forget(id: string): Promise<SimpleResponse> {
      return forgetResponse(await registry.forget(id));
    },
    async endOfBooking(): Promise<EndOfBookingResponse> {
      await deps.forgetHeldSecrets();
      const report = await registry.forgetAll();
      return { forgottenAccounts: report.accountsRemoved, forgottenSecrets: report.secretsRemoved, revokePatUrl: helpLinks.autodeskTokens.url };
    },
    async orphans(): Promise<OrphanView[]> {
      const found = await registry.orphans();
      return found.ok ? found.value.map(({ kind, host, login }) => ({ kind, host, login })) : [];
    },
    async cleanOrphans(): Promise<{ removed: number }> {
      const report = await registry.cleanOrphans();
      return { removed: report.removed };
    },
  };
}

