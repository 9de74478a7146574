import { findingForFailure, findingForVerified } from '../../diagnosis/finding-catalogue';
import type { Failure } from '../../shotgrid/failure';
import type { LoginMethod } from '../../shotgrid/login-method';
import type { SiteAddress } from '../../site/site-address';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { cliFindingContext } from '../finding-context';
import { readSecret, secretSource } from '../read-secret';
import type { VerifyResult } from './verify-document';

interface ScriptKeyRequest {
  site: SiteAddress;
  scriptName: string;
  keyFromStdin: boolean;
  sudoAsLogin: string | undefined;
  timeoutMs: number;
}

/** Checks a script key, and with `sudoAsLogin` that the script may act as that person. */
export async function verifyScriptKeyLogin(io: CliIo, context: CliContext, request: ScriptKeyRequest): Promise<VerifyResult> {
  const source = secretSource(io, request.keyFromStdin, { what: 'script key', stdinOption: '--key-stdin' });
  const { site, scriptName } = request;
  const client = context.client();
  const options = { timeoutMs: request.timeoutMs };
  const probed = await client.probe(site, options);
  if (!probed.ok) return failed(context, request, null, probed.failure);
  const method = probed.value.loginMethod;
  const scriptKey = await readSecret(io, context.secrets, { what: 'script key', stdinOption: '--key-stdin', source, oneWord: true });
  const sudo = request.sudoAsLogin === undefined ? {} : { sudoAsLogin: request.sudoAsLogin };
  const outcome = await client.verifyScriptKey(site, { scriptName, scriptKey, ...sudo }, options);
  if (!outcome.ok) return failed(context, request, method, outcome.failure);
  return {
    ok: true, outcome: 'checked', site: site.origin, loginMethod: method, login: scriptName, credential: 'script-key',
    user: outcome.value.sudoAs, script: outcome.value, failedLogins: 0, note: null,
    finding: findingForVerified(cliFindingContext(context, site, method, { login: scriptName, credential: 'script-key' })),
  };
}

function failed(context: CliContext, request: ScriptKeyRequest, method: LoginMethod | null, failure: Failure): VerifyResult {
  const finding = findingForFailure(failure, cliFindingContext(context, request.site, method, { login: request.scriptName, credential: 'script-key' }));
  return {
    ok: false, outcome: 'checked', site: request.site.origin, loginMethod: method, login: request.scriptName, credential: 'script-key',
    user: null, script: null, failedLogins: 0, finding, note: null,
  };
}
