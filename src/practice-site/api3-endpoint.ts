import { runRead } from './api3-read';
import type { Credentials, Refusal } from './gatekeeper';
import { isObject, stringField } from './json-shapes';
import { jsonReply } from './practice-reply';
import type { PracticeReply } from './practice-reply';
import { principalName } from './principal';
import type { Principal } from './principal';
import { IDENTITY_ONLY_TEXT, refusalText } from './refusal-wording';
import type { AuthKind, RequestOutcome } from './request-log';
import { logRequest } from './site-context';
import type { SiteContext } from './site-context';
import { api3Info } from './site-info';

/** API3 error codes python-api maps to exceptions. */
const API3_AUTHENTICATION_FAULT = 102;
const API3_TWO_FACTOR_FAULT = 106;
const API3_SSO_FAULT = 108;
const API3_IDENTITY_FAULT = 110;
/**
 * For requests the site cannot run (bad JSON, unknown method, bad `read` parameters). A live site's code for
 * these is UNVERIFIED; 103 matches the REST API's "bad request" code, and python-api raises a plain `Fault`.
 * Their messages are OURS.
 */
const API3_REQUEST_FAULT = 103;

const ROUTE = 'POST /api3/json';

interface Api3Call {
  methodName: string;
  authBlock: Record<string, unknown>;
  methodParams: unknown;
}

/**
 * `POST /api3/json`. Every application answer is HTTP 200 JSON, refusals included: python-api checks the
 * status first and only then looks for `exception`, so a fault must never be a 4xx.
 */
export function handleApi3(context: SiteContext, body: Buffer): PracticeReply {
  const call = parseCall(body);
  if (!call.ok) {
    logRequest(context, ROUTE, 'none', null, null, faultOutcome(API3_REQUEST_FAULT));
    return fault(API3_REQUEST_FAULT, call.message);
  }
  const { methodName, authBlock, methodParams } = call.value;
  if (methodName === 'info') {
    logRequest(context, methodName, 'none', null, null, { kind: 'ok' });
    const info = api3Info(context.identity);
    return success(context.style.infoWrapped ? { results: info } : info);
  }
  if (methodName !== 'get_session_token' && methodName !== 'read') {
    logRequest(context, methodName, 'none', null, null, faultOutcome(API3_REQUEST_FAULT));
    return fault(API3_REQUEST_FAULT, `API method '${methodName}' is not available on the practice site.`);
  }

  const credentials = credentialsOf(authBlock);
  const sudoAs = stringField(authBlock, 'sudo_as_login') ?? null;
  const now = context.clock();
  const decision = context.gatekeeper.authenticate(credentials, sudoAs, now);
  const who = nameFor(credentials, decision.principal);
  if (!decision.ok) {
    const { code, message } = refusalFault(context, decision.refusal);
    logRequest(context, methodName, authKindOf(credentials), who, sudoAs, faultOutcome(code));
    return fault(code, message);
  }

  if (methodName === 'get_session_token') {
    const sessionId = decision.sessionId ?? context.sessions.open(decision.principal, now);
    logRequest(context, methodName, authKindOf(credentials), who, sudoAs, { kind: 'ok' });
    return success(context.style.sessionWrapped ? { results: { session_id: sessionId } } : { session_id: sessionId });
  }
  const read = runRead(context.book, methodParams);
  if (!read.ok) {
    logRequest(context, methodName, authKindOf(credentials), who, sudoAs, faultOutcome(API3_REQUEST_FAULT));
    return fault(API3_REQUEST_FAULT, read.message);
  }
  logRequest(context, methodName, authKindOf(credentials), who, sudoAs, { kind: 'ok' });
  return success({ results: { entities: read.entities, paging_info: read.pagingInfo } });
}

type ParsedCall = { ok: true; value: Api3Call } | { ok: false; message: string };

function parseCall(body: Buffer): ParsedCall {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
  if (!isObject(envelope) || typeof envelope['method_name'] !== 'string') {
    return { ok: false, message: 'The request needs a "method_name" and a "params" list.' };
  }
  const params = envelope['params'] ?? [];
  if (!Array.isArray(params)) return { ok: false, message: '"params" must be a list.' };
  const first: unknown = params[0];
  return {
    ok: true,
    value: { methodName: envelope['method_name'], authBlock: isObject(first) ? first : {}, methodParams: params[1] },
  };
}

/** python-api's precedence: login + password, else script name + key, else session token. */
function credentialsOf(auth: Record<string, unknown>): Credentials {
  const login = stringField(auth, 'user_login');
  const password = stringField(auth, 'user_password');
  if (login !== undefined && password !== undefined) {
    const twoFactorCode = stringField(auth, 'auth_token');
    return twoFactorCode === undefined ? { kind: 'password', login, password } : { kind: 'password', login, password, twoFactorCode };
  }
  const scriptName = stringField(auth, 'script_name');
  const scriptKey = stringField(auth, 'script_key');
  if (scriptName !== undefined && scriptKey !== undefined) return { kind: 'script', scriptName, scriptKey };
  const sessionToken = stringField(auth, 'session_token');
  if (sessionToken !== undefined) {
    return { kind: 'session', sessionToken, rejectIfExpired: auth['reject_if_expired'] === true };
  }
  return { kind: 'none' };
}

function refusalFault(context: SiteContext, refusal: Refusal): { code: number; message: string } {
  switch (refusal.kind) {
    case 'sso-only':
      return { code: API3_SSO_FAULT, message: refusalText(refusal) };
    case 'two-factor-missing':
    case 'two-factor-invalid':
      return { code: API3_TWO_FACTOR_FAULT, message: refusalText(refusal) };
    case 'no-pat':
      return context.style.noPatReply === 'api3-110'
        ? { code: API3_IDENTITY_FAULT, message: IDENTITY_ONLY_TEXT }
        : { code: API3_AUTHENTICATION_FAULT, message: refusalText(refusal) };
    default:
      return { code: API3_AUTHENTICATION_FAULT, message: refusalText(refusal) };
  }
}

function authKindOf(credentials: Credentials): AuthKind {
  return credentials.kind === 'none' ? 'none' : credentials.kind;
}

/** Who the log names: the login or script asked for, or the owner of a known session. Never the secret. */
function nameFor(credentials: Credentials, principal: Principal | null): string | null {
  switch (credentials.kind) {
    case 'password':
      return credentials.login;
    case 'script':
      return credentials.scriptName;
    case 'session':
      return principal === null ? null : principalName(principal);
    case 'none':
      return null;
  }
}

function faultOutcome(errorCode: number): RequestOutcome {
  return { kind: 'fault', errorCode };
}

function success(value: unknown): PracticeReply {
  return jsonReply(200, value);
}

function fault(errorCode: number, message: string): PracticeReply {
  return jsonReply(200, { exception: true, error_code: errorCode, message });
}
