import { findingForFailure, findingForVerified } from '../../diagnosis/finding-catalogue';
import { isRefusedLogin } from '../../diagnosis/checks/credentials-check';
import type { Outcome } from '../../shotgrid/failure';
import type { LoginMethod } from '../../shotgrid/login-method';
import type { HumanUserRecord } from '../../shotgrid/shotgrid-client';
import type { SiteAddress } from '../../site/site-address';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { Cancelled } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { recordRefusedLogin, savedLoginFailures } from '../login-failures';
import { readSecret, secretSource } from '../read-secret';
import type { VerifyResult } from './verify-document';

interface UserLoginRequest {
  site: SiteAddress;
  login: string;
  passphraseFromStdin: boolean;
  twoFactorCode: string | undefined;
  timeoutMs: number;
}

/**
 * Checks one person's login: probe the site first (so a wrong address is found before a secret is
 * asked for), then one login. When the site wants a 2FA code and none was given, a terminal is
 * asked for one and the login tried once more with it; a refused passphrase is never retried.
 */
export async function verifyUserLogin(io: CliIo, context: CliContext, request: UserLoginRequest): Promise<VerifyResult> {
  const source = secretSource(io, request.passphraseFromStdin, { what: 'passphrase', stdinOption: '--passphrase-stdin' });
  context.secrets.add(request.twoFactorCode);
  const { site, login } = request;
  const client = context.client();
  const options = { timeoutMs: request.timeoutMs };

  // Read before the probe: opening the settings is local work that should not sit between two requests.
  const failedBefore = await savedLoginFailures(context, site, login);
  const probed = await client.probe(site, options);
  if (!probed.ok) return failedResult(context, request, null, probed.failure, failedBefore);
  const method = probed.value.loginMethod;
  const passphrase = await readSecret(io, context.secrets, {
    what: method === 'oxygen' ? 'legacy passphrase' : 'password',
    stdinOption: '--passphrase-stdin',
    source,
  });

  let code = request.twoFactorCode;
  let outcome: Outcome<HumanUserRecord> = await client.verifyLogin(site, credentials(login, passphrase, code), options);
  if (!outcome.ok && outcome.failure.kind === 'two-factor-required' && code === undefined && io.stdinIsTty) {
    code = await askForCode(io, context);
    if (code !== undefined) outcome = await client.verifyLogin(site, credentials(login, passphrase, code), options);
  }
  if (outcome.ok) {
    return {
      ok: true, outcome: 'checked', site: site.origin, loginMethod: method, login, credential: 'passphrase', user: outcome.value, script: null,
      failedLogins: failedBefore, note: null, finding: findingForVerified(cliFindingContext(context, site, method, { login })),
    };
  }
  const refused = isRefusedLogin(outcome.failure);
  if (refused) await recordRefusedLogin(context, site, login);
  return failedResult(context, request, method, outcome.failure, failedBefore + (refused ? 1 : 0));
}

function credentials(login: string, passphrase: string, twoFactorCode: string | undefined) {
  return twoFactorCode === undefined ? { login, passphrase } : { login, passphrase, twoFactorCode };
}

async function askForCode(io: CliIo, context: CliContext): Promise<string | undefined> {
  io.err('The site asks for a two-step verification code.');
  const typed = await io.promptSecret('Code from your authenticator app, or a backup code (not shown): ');
  if (typed === null) throw new Cancelled('Cancelled: the login was not tried with a code.');
  const code = typed.trim();
  if (code === '') return undefined;
  context.secrets.add(code);
  return code;
}

function failedResult(
  context: CliContext,
  request: UserLoginRequest,
  method: LoginMethod | null,
  failure: Parameters<typeof findingForFailure>[0],
  failedLogins: number,
): VerifyResult {
  const finding = findingForFailure(failure, cliFindingContext(context, request.site, method, { login: request.login, failedLogins }));
  return {
    ok: false, outcome: 'checked', site: request.site.origin, loginMethod: method, login: request.login, credential: 'passphrase',
    user: null, script: null, failedLogins, finding, note: null,
  };
}
