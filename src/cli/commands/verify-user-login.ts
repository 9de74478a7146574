import { findingForVerified } from '../../diagnosis/finding-catalogue';
import type { Failure } from '../../shotgrid/failure';
import type { LoginMethod } from '../../shotgrid/login-method';
import type { HumanUserRecord, SiteInfo } from '../../shotgrid/shotgrid-client';
import type { SiteAddress } from '../../site/site-address';
import { siteFailureFinding } from '../../use-cases/site-failure-finding';
import { isUnopened } from '../../use-cases/record-attempt';
import { verifyLogin, type LoginTry } from '../../use-cases/verify-login';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { cliFindingContext } from '../finding-context';
import { pauseNotSavedFinding, savedLoginsFor } from '../login-failures';
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
 * asked for), then one login through the verify-login use case, which records it as the app's wizard
 * does. When the site wants a 2FA code and none was given, a terminal is asked for one and the login
 * tried once more with it; a refused passphrase is never retried.
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
  /** The session the login was swapped for (`openSession`), when it was. */
  sessionToken: string | null;
}

export async function checkUserLogin(io: CliIo, context: CliContext, request: UserLoginRequest): Promise<CheckedUserLogin> {
  const source = secretSource(io, request.passphraseFromStdin, { what: 'passphrase', stdinOption: '--passphrase-stdin' });
  const { site, login } = request;
  const client = context.client();
  const options = { timeoutMs: request.timeoutMs };

  // Opened before the probe, when they are needed: loading the settings is local work that should not
  // sit between two requests. Left unopened, they hold no refusal count for the site.
  const registry = await savedLoginsFor(context, site);
  const probed = await client.probe(site, options);
  if (!probed.ok) {
    const failedLogins = registry === null || isUnopened(registry) ? 0 : registry.failedLogins(site.origin, login);
    return { result: await failedResult(context, request, null, probed.failure, failedLogins), accepted: null };
  }
  const info = probed.value;
  const passphrase = await readSecret(io, context.secrets, {
    what: info.loginMethod === 'oxygen' ? 'legacy passphrase' : 'password',
    stdinOption: '--passphrase-stdin',
    source,
  });

  // The login reuses this probe: the site is asked what it is once per run, as the Python client does.
  const deps = { client, registry, timeoutMs: request.timeoutMs };
  const attempt = { site, info, login, passphrase, keepSession: request.openSession === true };
  let code = request.codeFromStdin ? await readTwoFactorCode(io, context.secrets, source === 'stdin') : undefined;
  let verified = await verifyLogin(deps, withCode(attempt, code));
  if (!verified.ok && verified.failure.kind === 'two-factor-required' && code === undefined && io.stdinIsTty) {
    code = await askTwoFactorCode(io, context.secrets);
    verified = await verifyLogin(deps, withCode(attempt, code));
  }
  const { recorded } = verified;
  if (verified.ok) {
    const result: VerifyResult = {
      ok: true, outcome: 'checked', site: site.origin, loginMethod: info.loginMethod, login, credential: 'passphrase', user: verified.user, script: null,
      failedLogins: recorded.failedLogins, note: null, finding: findingForVerified(cliFindingContext(context, site, info.loginMethod, { login })),
    };
    return { result, accepted: { passphrase, user: verified.user, loginMethod: info.loginMethod, info, sessionToken: verified.sessionToken } };
  }
  // `gridpass whoami` can tell which cause it is on a site with the App Session Launcher.
  const result = await failedResult(context, request, info.loginMethod, verified.failure, recorded.failedLogins, info.appSessionLauncher);
  const notSaved = recorded.saved || !recorded.pauseHeldInMemory ? null : pauseNotSavedFinding(context, site, login, recorded.why);
  return { result: notSaved === null ? result : { ...result, notSaved }, accepted: null };
}

function withCode(attempt: LoginTry, twoFactorCode: string | undefined): LoginTry {
  return twoFactorCode === undefined ? attempt : { ...attempt, twoFactorCode };
}

async function failedResult(
  context: CliContext,
  request: UserLoginRequest,
  method: LoginMethod | null,
  failure: Failure,
  failedLogins: number,
  browserSignInOffered = false,
): Promise<VerifyResult> {
  const findingContext = cliFindingContext(context, request.site, method, { login: request.login, failedLogins, browserSignInOffered });
  // The network probes are made only for a name that did not resolve.
  const finding = await siteFailureFinding(failure, findingContext, (host) => context.probes().resolveHost(host));
  return {
    ok: false, outcome: 'checked', site: request.site.origin, loginMethod: method, login: request.login, credential: 'passphrase',
    user: null, script: null, failedLogins, finding, note: null,
  };
}
