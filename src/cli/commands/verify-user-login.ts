import { findingForFailure, findingForVerified } from '../../diagnosis/finding-catalogue';
import { countsAsRefusal } from '../../accounts/refusal-policy';
import type { Outcome } from '../../shotgrid/failure';
import type { LoginMethod } from '../../shotgrid/login-method';
import type { CallOptions, HumanUserRecord, ShotgridClient, SiteInfo, UserLoginCredentials } from '../../shotgrid/shotgrid-client';
import type { SiteAddress } from '../../site/site-address';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { cliFindingContext } from '../finding-context';
import { recordLoginAttempt, savedLoginFailures } from '../login-failures';
import { readSecret, secretSource } from '../read-secret';
import { askTwoFactorCode, readTwoFactorCode } from '../two-factor-code';
import type { VerifyResult } from './verify-document';

interface UserLoginRequest {
  site: SiteAddress;
  login: string;
  passphraseFromStdin: boolean;
  /** Read the two-step code from standard input (after the passphrase) and send it with the first login. */
  codeFromStdin: boolean;
  timeoutMs: number;
  /** Swap the login for a session (`gridpass login` keeps it for tools) instead of reading with the passphrase. */
  openSession?: boolean;
}

/**
 * Checks one person's login: probe the site first (so a wrong address is found before a secret is
 * asked for), then one login. When the site wants a 2FA code and none was given, a terminal is
 * asked for one and the login tried once more with it; a refused passphrase is never retried.
 */
export async function verifyUserLogin(io: CliIo, context: CliContext, request: UserLoginRequest): Promise<VerifyResult> {
  return (await checkUserLogin(io, context, request)).result;
}

/** A checked login and, when the site accepted it, the passphrase it accepted (for `gridpass login` to save). */
type CheckedUserLogin = { result: VerifyResult; accepted: null } | { result: VerifyResult; accepted: AcceptedLogin };

interface AcceptedLogin {
  passphrase: string;
  user: HumanUserRecord;
  loginMethod: LoginMethod | null;
  /** The site's `info` from this run's probe. */
  info: SiteInfo;
  /** The session a 2FA code was swapped for, when one was given. */
  sessionToken: string | null;
}

export async function checkUserLogin(io: CliIo, context: CliContext, request: UserLoginRequest): Promise<CheckedUserLogin> {
  const source = secretSource(io, request.passphraseFromStdin, { what: 'passphrase', stdinOption: '--passphrase-stdin' });
  const { site, login } = request;
  const client = context.client();
  const options = { timeoutMs: request.timeoutMs };

  // Read before the probe: opening the settings is local work that should not sit between two requests.
  const failedBefore = await savedLoginFailures(context, site, login);
  const probed = await client.probe(site, options);
  if (!probed.ok) return { result: failedResult(context, request, null, probed.failure, failedBefore), accepted: null };
  const method = probed.value.loginMethod;
  // The login reuses this probe: the site is asked what it is once per run, as the Python client does.
  const loginOptions = { ...options, alreadyProbed: probed.value };
  const passphrase = await readSecret(io, context.secrets, {
    what: method === 'oxygen' ? 'legacy passphrase' : 'password',
    stdinOption: '--passphrase-stdin',
    source,
  });

  let code = request.codeFromStdin ? await readTwoFactorCode(io, context.secrets, source === 'stdin') : undefined;
  const bySession = request.openSession === true;
  let outcome = await loginOnce(client, site, credentials(login, passphrase, code), loginOptions, bySession);
  if (!outcome.ok && outcome.failure.kind === 'two-factor-required' && code === undefined && io.stdinIsTty) {
    code = await askTwoFactorCode(io, context.secrets);
    outcome = await loginOnce(client, site, credentials(login, passphrase, code), loginOptions, bySession);
  }
  const notSaved = await recordLoginAttempt(context, site, login, outcome.ok ? { kind: 'verified' } : { kind: 'failed', failure: outcome.failure });
  if (outcome.ok) {
    const result: VerifyResult = {
      ok: true, outcome: 'checked', site: site.origin, loginMethod: method, login, credential: 'passphrase', user: outcome.value.user, script: null,
      failedLogins: failedBefore, note: null, finding: findingForVerified(cliFindingContext(context, site, method, { login })),
    };
    return { result, accepted: { passphrase, user: outcome.value.user, loginMethod: method, info: probed.value, sessionToken: outcome.value.sessionToken } };
  }
  const failedLogins = failedBefore + (countsAsRefusal(outcome.failure) ? 1 : 0);
  // `gridpass whoami` can tell which cause it is on a site with the App Session Launcher.
  const result = failedResult(context, request, method, outcome.failure, failedLogins, probed.value.appSessionLauncher);
  return { result: notSaved === null ? result : { ...result, notSaved }, accepted: null };
}

/**
 * One try of the login: a read with the passphrase, or, for a login that is being saved, the passphrase
 * swapped for a session (`get_session_token`, as python-api does with a 2FA code) and a read with that.
 * Either way the passphrase goes out once.
 */
async function loginOnce(
  client: ShotgridClient, site: SiteAddress, login: UserLoginCredentials, options: CallOptions, bySession: boolean,
): Promise<Outcome<{ user: HumanUserRecord; sessionToken: string | null }>> {
  if (bySession) {
    const opened = await client.openSession(site, login, options);
    return opened.ok ? { ...opened, value: { user: opened.value.user, sessionToken: opened.value.sessionToken } } : opened;
  }
  const verified = await client.verifyLogin(site, login, options);
  return verified.ok ? { ...verified, value: { user: verified.value, sessionToken: null } } : verified;
}

function credentials(login: string, passphrase: string, twoFactorCode: string | undefined) {
  return twoFactorCode === undefined ? { login, passphrase } : { login, passphrase, twoFactorCode };
}

function failedResult(
  context: CliContext,
  request: UserLoginRequest,
  method: LoginMethod | null,
  failure: Parameters<typeof findingForFailure>[0],
  failedLogins: number,
  browserSignInOffered = false,
): VerifyResult {
  const findingContext = cliFindingContext(context, request.site, method, { login: request.login, failedLogins, browserSignInOffered });
  const finding = findingForFailure(failure, findingContext);
  return {
    ok: false, outcome: 'checked', site: request.site.origin, loginMethod: method, login: request.login, credential: 'passphrase',
    user: null, script: null, failedLogins, finding, note: null,
  };
}
