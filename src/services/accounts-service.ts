/**
 * Saved logins: list them, re-check them (by hand or on the schedule), forget them. The one rule that
 * matters most lives here: after a refusal, Gridpass stops checking that login by itself, because ten
 * refusals lock the account for an hour.
 */
import type { AccountRegistry } from '../accounts/account-registry';
import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { ForgetReport } from '../accounts/account-failure';
import { findingFor, isFindingCode, type FindingContext } from '../diagnosis/finding-catalogue';
import { helpLinks } from '../diagnosis/help-links';
import type { AccountView, CheckReason, EndOfBookingResponse, OrphanView, SimpleResponse } from '../ipc/contract';
import type { SavedAccount } from '../settings/settings-schema';
import type { ShotgridClient } from '../shotgrid/shotgrid-client';
import { siteFromOrigin } from '../site/site-address';
import { checkSavedLogin } from '../use-cases/check-saved-login';
import { recordSavedLoginTry } from '../use-cases/record-attempt';
import { toAccountView } from './views';

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
    accountOrThrow(id);
    // Scheduled checks never retry a paused login and try the kept session first; "Check now" is the person
    // asking whether the saved passphrase itself still works (check-saved-login has the whole rule).
    const checked = await checkSavedLogin(
      { client: deps.client, registry, now: deps.now, findingContext: contextOf },
      { accountId: id, reason, by: reason === 'manual' ? 'passphrase' : 'kept-session', paused: reason === 'manual' ? 'retry' : 'skip' },
    );
    if (checked.kind === 'forgotten') return view(accountOrThrow(id));
    // The write failed, so no settings event goes out: the tray and the window still have to hear of it.
    if ('recorded' in checked && checked.recorded?.saved === false) deps.onNotSaved?.();
    return view(checked.account);
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
      const tried = recordSavedLoginTry({ registry, now: deps.now, findingContext: contextOf }, account, 'manual', attempt);
      if (tried === null) return null;
      if (!tried.recorded.saved) deps.onNotSaved?.();
      return view(tried.account);
    },
    /** The wizard has just verified this login: that is its first check, no need to log in again. */
    recordVerified(id: string): AccountView {
      const account = accountOrThrow(id);
      const recorded = registry.recordCheck(id, { at: deps.now(), reason: 'setup', health: 'ok', finding: null });
      return view(recorded.ok ? recorded.value : account);
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

