/**
 * Verify a login someone typed (the app's wizard, `gridpass verify --login`, `gridpass login`): one try
 * against a site probed a moment ago, recorded under the refusal policy before the answer goes back, so
 * a refusal counts and pauses (and a verified login clears the count) the same way whoever asked.
 * A refused passphrase is never retried from here; a caller may try once more only with a 2FA code.
 */
import type { AccountRegistry } from '../accounts/account-registry';
import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { Failure } from '../shotgrid/failure';
import { callOptions, type HumanUserRecord, type ShotgridClient, type SiteInfo } from '../shotgrid/shotgrid-client';
import type { SiteAddress } from '../site/site-address';
import { isUnopened, recordAttempt, recordAttemptOnDemand, type RecordedAttempt, type UnopenedRegistry } from './record-attempt';

export interface LoginTry {
  site: SiteAddress;
  /** The site's `info` from moments ago, so no second probe is sent. */
  info: SiteInfo;
  login: string;
  passphrase: string;
  twoFactorCode?: string;
  /**
   * Swap the passphrase for a session (`get_session_token`, as python-api does) instead of a read with it:
   * for a login about to be saved, whose session tools will use. Either way the passphrase goes out once.
   */
  keepSession: boolean;
}

type LoginVerification =
  | { ok: true; user: HumanUserRecord; sessionToken: string | null; recorded: RecordedAttempt }
  | { ok: false; failure: Failure; recorded: RecordedAttempt };

interface VerifyLoginDeps {
  client: ShotgridClient;
  /**
   * null when the settings could not be opened: the try is still made, and the caller says it was not
   * counted. Unopened, they are opened only when the try has something to record.
   */
  registry: AccountRegistry | UnopenedRegistry | null;
  timeoutMs?: number;
}

export async function verifyLogin(deps: VerifyLoginDeps, attempt: LoginTry): Promise<LoginVerification> {
  const { site, login } = attempt;
  const tried = await tryOnce(deps, attempt);
  if (tried.ok) {
    const recorded = await record(deps.registry, site.origin, login, { kind: 'verified' });
    return { ok: true, user: tried.user, sessionToken: tried.sessionToken, recorded };
  }
  const recorded = await record(deps.registry, site.origin, login, { kind: 'failed', failure: tried.failure });
  return { ok: false, failure: tried.failure, recorded };
}

function record(registry: VerifyLoginDeps['registry'], site: string, login: string, outcome: AttemptOutcome): Promise<RecordedAttempt> {
  if (isUnopened(registry)) return recordAttemptOnDemand(registry, site, login, outcome);
  return Promise.resolve(recordAttempt(registry, site, login, outcome, null));
}

type Tried = { ok: true; user: HumanUserRecord; sessionToken: string | null } | { ok: false; failure: Failure };

async function tryOnce(deps: VerifyLoginDeps, attempt: LoginTry): Promise<Tried> {
  const { login, passphrase, twoFactorCode } = attempt;
  const credentials = twoFactorCode === undefined ? { login, passphrase } : { login, passphrase, twoFactorCode };
  const options = callOptions(deps.timeoutMs, attempt.info);
  if (attempt.keepSession) {
    const opened = await deps.client.openSession(attempt.site, credentials, options);
    return opened.ok ? { ok: true, user: opened.value.user, sessionToken: opened.value.sessionToken } : { ok: false, failure: opened.failure };
  }
  const verified = await deps.client.verifyLogin(attempt.site, credentials, options);
  return verified.ok ? { ok: true, user: verified.value, sessionToken: null } : { ok: false, failure: verified.failure };
}
