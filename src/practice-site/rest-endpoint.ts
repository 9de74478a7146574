import { randomBytes } from 'node:crypto';
import type { Credentials, Refusal } from './gatekeeper';
import { signToken, verifyToken } from './practice-jwt';
import type { TokenClaims } from './practice-jwt';
import { jsonReply, mediaType } from './practice-reply';
import type { PracticeReply } from './practice-reply';
import { principalName } from './principal';
import type { Principal } from './principal';
import { refusalText } from './refusal-wording';
import type { AuthKind, RequestOutcome } from './request-log';
import {
  REST_AUTH_CODE, REST_BAD_REQUEST_CODE, REST_SSO_CODE, REST_TWO_FACTOR_CODE, restErrorReply, restNotFound,
} from './rest-errors';
import type { RestError } from './rest-errors';
import { handleEntityRead } from './rest-entity-read';
import { logRequest } from './site-context';
import type { SiteContext } from './site-context';
import { restRoot } from './site-info';

/** Both recordings show 600 s. */
const ACCESS_TOKEN_SECONDS = 600;
/** Ours: a live site's refresh-token lifetime is unrecorded. */
const REFRESH_TOKEN_SECONDS = 24 * 60 * 60;

const TOKEN_ROUTE = 'POST /api/v1/auth/access_token';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const API_PREFIXES = ['/api/v1', '/api/v1.1'];

interface RestRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  contentType: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

/**
 * Everything under `/api/`: the unauthenticated root, the token endpoint, HumanUser reads with a bearer token,
 * and 404/103 for the rest (no `me` route).
 */
export function handleRest(context: SiteContext, request: RestRequest): PracticeReply {
  const route = apiRoute(request.pathname);
  if (route === '' && request.method === 'GET') {
    logRequest(context, `GET ${request.pathname}`, 'none', null, null, { kind: 'ok' });
    return jsonReply(200, restRoot(context.identity));
  }
  if (route === '/auth/access_token' && request.method === 'POST') return tokenEndpoint(context, request);
  if (route !== null && request.method === 'GET') {
    const read = handleEntityRead(context, { route, query: request.query, authorization: request.authorization }, `GET ${request.pathname}`);
    if (read !== null) return read;
  }
  const notFound = restNotFound();
  logRequest(context, `${request.method} ${request.pathname}`, 'none', null, null, errorOutcome(notFound));
  return restErrorReply(notFound);
}

/** The path after `/api/v1` or `/api/v1.1` (same API), or `null` for any other version. */
function apiRoute(pathname: string): string | null {
  const trimmed = pathname.replace(/\/+$/, '');
  for (const prefix of API_PREFIXES) {
    if (trimmed === prefix) return '';
    if (trimmed.startsWith(`${prefix}/`)) return trimmed.slice(prefix.length);
  }
  return null;
}

function tokenEndpoint(context: SiteContext, request: RestRequest): PracticeReply {
  const form = readForm(request);
  if (!form.ok) {
    logRequest(context, TOKEN_ROUTE, 'none', null, null, errorOutcome(form.error));
    return restErrorReply(form.error);
  }
  const fields = form.fields;
  const grant = fields.get('grant_type') ?? '';
  switch (grant) {
    case 'password':
    case 'client_credentials':
    case 'session_token':
      return credentialGrant(context, grant, fields);
    case 'refresh_token':
      return refreshGrant(context, fields.get('refresh_token') ?? '');
    default: {
      // RECORDED: title, status, code and an empty source.
      const error: RestError = { status: 400, code: REST_BAD_REQUEST_CODE, title: 'Unsupported grant_type', source: {} };
      logRequest(context, TOKEN_ROUTE, 'none', null, null, errorOutcome(error));
      return restErrorReply(error);
    }
  }
}

type FormRead = { ok: true; fields: URLSearchParams } | { ok: false; error: RestError };

/** Form-encoded body, or the query string of an empty POST. The media type decides; its parameters do not. */
function readForm(request: RestRequest): FormRead {
  const type = mediaType(request.contentType);
  const text = request.body.toString('utf8');
  if (type === 'application/json') {
    // A live site parses the body as JSON and then refuses it. RECORDED: the title and the empty-body detail;
    // the detail for a non-empty body is OURS, as is the code.
    const detail = text.trim() === '' ? 'Empty input (after ) at line 1, column 1 ' : 'Send the fields form-encoded, not as JSON.';
    return { ok: false, error: { status: 400, code: REST_BAD_REQUEST_CODE, title: 'Invalid JSON body', source: { body: detail } } };
  }
  if (type !== null && type !== FORM_TYPE) {
    // RECORDED for text/plain: status, title and source.
    return {
      ok: false,
      error: {
        status: 415,
        code: REST_BAD_REQUEST_CODE,
        title: `Unsupported Content-Type '${type}'`,
        source: { content_type: `Content-Type must be one of: '${FORM_TYPE}'.` },
      },
    };
  }
  return { ok: true, fields: text === '' ? request.query : new URLSearchParams(text) };
}

function credentialGrant(context: SiteContext, grant: string, fields: URLSearchParams): PracticeReply {
  const credentials = grantCredentials(grant, fields);
  // Impersonation comes only from the scope; a `sudo_as_login` body field is silently ignored, as recorded.
  const sudoAs = sudoFromScope(fields.get('scope'));
  const authKind: AuthKind = credentials.kind === 'none' ? credentialKindOf(grant) : credentials.kind;
  if (credentials.kind === 'none') {
    const error = refusalError(context, { kind: 'missing-credentials' });
    logRequest(context, TOKEN_ROUTE, authKind, null, sudoAs, errorOutcome(error));
    return restErrorReply(error);
  }
  const decision = context.gatekeeper.authenticate(credentials, sudoAs, context.clock());
  const who = credentials.kind === 'password' ? credentials.login
    : credentials.kind === 'script' ? credentials.scriptName
      : decision.principal === null ? null : principalName(decision.principal);
  if (!decision.ok) {
    const error = refusalError(context, decision.refusal);
    logRequest(context, TOKEN_ROUTE, authKind, who, sudoAs, errorOutcome(error));
    return restErrorReply(error);
  }
  logRequest(context, TOKEN_ROUTE, authKind, who, sudoAs, { kind: 'ok' });
  return tokenReply(context, {
    principal: decision.principal,
    sudoAs: decision.sudoAs,
    authType: authTypeOf(grant),
    sessionUuid: fields.get('session_uuid') || null,
  });
}

function grantCredentials(grant: string, fields: URLSearchParams): Credentials {
  const value = (name: string): string => fields.get(name) ?? '';
  if (grant === 'password' && value('username') !== '' && value('password') !== '') {
    const code = value('auth_token');
    return code === ''
      ? { kind: 'password', login: value('username'), password: value('password') }
      : { kind: 'password', login: value('username'), password: value('password'), twoFactorCode: code };
  }
  if (grant === 'client_credentials' && value('client_id') !== '' && value('client_secret') !== '') {
    return { kind: 'script', scriptName: value('client_id'), scriptKey: value('client_secret') };
  }
  if (grant === 'session_token' && value('session_token') !== '') {
    // The token endpoint always refuses an expired session; exchanging it extends a live one.
    return { kind: 'session', sessionToken: value('session_token'), rejectIfExpired: true };
  }
  return { kind: 'none' };
}

function credentialKindOf(grant: string): AuthKind {
  if (grant === 'password') return 'password';
  if (grant === 'client_credentials') return 'script';
  return 'session';
}

/** `api_key` and `session_token` are recorded; what a password grant reads is UNVERIFIED (ours: `password`). */
function authTypeOf(grant: string): string {
  if (grant === 'client_credentials') return 'api_key';
  if (grant === 'session_token') return 'session_token';
  return 'password';
}

function sudoFromScope(scope: string | null): string | null {
  if (scope === null) return null;
  const entry = scope.split(/\s+/).find((item) => item.startsWith('sudo_as_login:'));
  return entry === undefined ? null : entry.slice('sudo_as_login:'.length);
}

function refreshGrant(context: SiteContext, token: string): PracticeReply {
  const nowSeconds = Math.floor(context.clock().getTime() / 1000);
  const claims = token === '' ? null : verifyToken(token, context.jwtSecret, nowSeconds);
  const principal = claims === null || claims.token_use !== 'refresh' ? null : livePrincipal(context, claims);
  if (claims === null || principal === null) {
    // RECORDED: 401 "Unauthorized" for a fake refresh token; the code is OURS.
    const error: RestError = { status: 401, code: REST_AUTH_CODE, title: 'Unauthorized', source: null };
    logRequest(context, TOKEN_ROUTE, 'refresh', null, null, errorOutcome(error));
    return restErrorReply(error);
  }
  logRequest(context, TOKEN_ROUTE, 'refresh', principalName(principal), claims.sudo_as_login, { kind: 'ok' });
  return tokenReply(context, {
    principal, sudoAs: claims.sudo_as_login, authType: claims.auth_type, sessionUuid: claims.session_uuid,
  });
}

/** The principal a refresh token names, if it still exists and may still log in. */
function livePrincipal(context: SiteContext, claims: TokenClaims): Principal | null {
  if (claims.user.type === 'ApiUser') {
    const script = context.book.scriptById(claims.user.id);
    return script === undefined ? null : { type: 'ApiUser', id: script.id, scriptName: script.name };
  }
  const record = context.book.accountById(claims.user.id);
  if (record === undefined || record.seed.retired || record.status !== 'act') return null;
  return { type: 'HumanUser', id: record.seed.id, login: record.seed.login };
}

interface Grant {
  principal: Principal;
  sudoAs: string | null;
  authType: string;
  sessionUuid: string | null;
}

function tokenReply(context: SiteContext, grant: Grant): PracticeReply {
  const iat = Math.floor(context.clock().getTime() / 1000);
  const claims = (lifetime: number): TokenClaims => ({
    iss: context.host,
    aud: context.host,
    exp: iat + lifetime,
    iat,
    jti: randomBytes(16).toString('hex'),
    user: { type: grant.principal.type, id: grant.principal.id },
    sudo_as_login: grant.sudoAs,
    auth_type: grant.authType,
    session_uuid: grant.sessionUuid,
  });
  return jsonReply(200, {
    token_type: 'Bearer',
    access_token: signToken(claims(ACCESS_TOKEN_SECONDS), context.jwtSecret),
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: signToken({ ...claims(REFRESH_TOKEN_SECONDS), token_use: 'refresh' }, context.jwtSecret),
  });
}

/** REST wording of a refusal. Codes other than the sudo 102 and 2FA 106 are UNVERIFIED: clients branch on status + title. */
function refusalError(context: SiteContext, refusal: Refusal): RestError {
  const title = refusalText(refusal);
  switch (refusal.kind) {
    case 'sso-only':
      return { status: 400, code: REST_SSO_CODE, title, source: null };
    case 'two-factor-missing':
      return { status: 400, code: REST_TWO_FACTOR_CODE, title, source: { auth_token: 'missing for 2FA login' } };
    case 'two-factor-invalid':
      // OURS, shaped after the recorded "missing" answer.
      return { status: 400, code: REST_TWO_FACTOR_CODE, title, source: { auth_token: 'invalid for 2FA login' } };
    case 'no-pat':
      return context.style.restNoPatReply === 401
        ? { status: 401, code: REST_AUTH_CODE, title: 'Unauthorized', source: null }
        : { status: 400, code: REST_AUTH_CODE, title, source: null };
    default:
      return { status: 400, code: REST_AUTH_CODE, title, source: null };
  }
}

function errorOutcome(error: RestError): RequestOutcome {
  return { kind: 'http-error', status: error.status, code: error.code };
}
