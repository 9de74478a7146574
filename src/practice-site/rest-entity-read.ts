import { ENTITY_FIELDS, entityRows } from './entity-rows';
import type { EntityRow } from './entity-rows';
import { verifyToken } from './practice-jwt';
import type { TokenClaims } from './practice-jwt';
import { jsonReply } from './practice-reply';
import type { PracticeReply } from './practice-reply';
import type { AuthKind } from './request-log';
import { REST_AUTH_CODE, REST_BAD_REQUEST_CODE, restErrorReply } from './rest-errors';
import type { RestError } from './rest-errors';
import { logRequest } from './site-context';
import type { SiteContext } from './site-context';

/** A live site pages REST lists at 500 at most; without `page[size]` it sends 20 (NODE's default page). */
const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 20;
/** 104 "not found" (protocol doc §3.2); the title is OURS. */
const REST_NOT_FOUND_CODE = 104;

interface EntityReadRequest {
  /** The path after `/api/v1`, e.g. `/entity/human_users/101`. */
  route: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/**
 * `GET /api/v1/entity/human_users/<id>` and `GET /api/v1/entity/human_users?filter[login]=…`, with a bearer
 * access token from the token endpoint: how the official Node client reads the person after a REST login,
 * since there is no "me" route. Answers in the JSON:API shape live sites use (`data` with `type`, `id`,
 * `attributes`, `relationships`, `links`). Entity-valued fields go under `relationships`, as live sites do.
 * Returns null for routes that are not entity reads.
 */
export function handleEntityRead(context: SiteContext, request: EntityReadRequest, call: string): PracticeReply | null {
  const match = /^\/entity\/human_users(?:\/(\d+))?$/.exec(request.route);
  if (match === null) return null;
  const claims = bearerClaims(context, request.authorization);
  if (claims === null) {
    // OURS: status and code are shaped after the recorded 401 for a fake refresh token.
    return refuse(context, call, 'none', { status: 401, code: REST_AUTH_CODE, title: 'Unauthorized', source: null });
  }
  const who = claims.user.type === 'HumanUser' ? context.book.accountById(claims.user.id)?.seed.login ?? null : scriptName(context, claims);
  const fields = requestedFields(request.query.get('fields'));
  if (!fields.ok) return refuse(context, call, 'bearer', fields.error, who);
  const rows = entityRows(context.book, 'HumanUser').filter((row) => !row.retired);
  const reply = match[1] === undefined ? listReply(rows, request.query, fields.value) : oneReply(rows, match[1], fields.value);
  if (!reply.ok) return refuse(context, call, 'bearer', reply.error, who);
  logRequest(context, call, 'bearer', who, claims.sudo_as_login, { kind: 'ok' });
  return jsonReply(200, reply.value);
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: RestError };

function bearerClaims(context: SiteContext, authorization: string | undefined): TokenClaims | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return null;
  const claims = verifyToken(token, context.jwtSecret, Math.floor(context.clock().getTime() / 1000));
  return claims === null || claims.token_use === 'refresh' ? null : claims;
}

function scriptName(context: SiteContext, claims: TokenClaims): string | null {
  return context.book.scriptById(claims.user.id)?.name ?? null;
}

/** `fields=a,b`; `*` or none means every field. Unknown names are dropped, as API3 `read` does. */
function requestedFields(value: string | null): Answer<readonly string[]> {
  const all = ENTITY_FIELDS.HumanUser.filter((field) => field !== 'type' && field !== 'id');
  if (value === null || value.trim() === '' || value.trim() === '*') return { ok: true, value: all };
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  return { ok: true, value: names.filter((name) => all.includes(name)) };
}

function oneReply(rows: EntityRow[], idText: string, fields: readonly string[]): Answer<unknown> {
  const id = /^\d{1,9}$/.test(idText) ? Number(idText) : Number.NaN;
  const row = rows.find((candidate) => candidate.fields['id'] === id);
  if (row === undefined) {
    return { ok: false, error: { status: 404, code: REST_NOT_FOUND_CODE, title: 'Record not found', source: { id: idText } } };
  }
  const self = `/api/v1/entity/human_users/${id}`;
  return { ok: true, value: { data: resource(row, fields), links: { self } } };
}

function listReply(rows: EntityRow[], query: URLSearchParams, fields: readonly string[]): Answer<unknown> {
  const filtered = applyFilters(rows, query);
  if (!filtered.ok) return filtered;
  const size = pageNumber(query.get('page[size]'), DEFAULT_PAGE_SIZE);
  const number = pageNumber(query.get('page[number]'), 1);
  if (size === null || number === null) {
    return { ok: false, error: { status: 400, code: REST_BAD_REQUEST_CODE, title: 'page[size] and page[number] must be positive whole numbers', source: null } };
  }
  const perPage = Math.min(size, MAX_PAGE_SIZE);
  const page = filtered.value.slice((number - 1) * perPage, number * perPage);
  const link = (pageNo: number): string => {
    const params = new URLSearchParams(query);
    params.set('page[number]', String(pageNo));
    params.set('page[size]', String(perPage));
    return `/api/v1/entity/human_users?${params.toString()}`;
  };
  // Live sites always send `next`, so clients stop on an empty `data` (protocol doc §3.4).
  const links: Record<string, string> = { self: link(number), next: link(number + 1) };
  if (number > 1) links.prev = link(number - 1);
  return { ok: true, value: { data: page.map((row) => resource(row, fields)), links } };
}

/** `filter[field]=value`: equality, text case-insensitive; comma-separated values mean "any of". */
function applyFilters(rows: EntityRow[], query: URLSearchParams): Answer<EntityRow[]> {
  let kept = rows;
  for (const [key, value] of query) {
    const field = /^filter\[([a-z_]+)\]$/.exec(key)?.[1];
    if (field === undefined) continue;
    if (!ENTITY_FIELDS.HumanUser.includes(field)) {
      return { ok: false, error: { status: 400, code: REST_BAD_REQUEST_CODE, title: `HumanUser.${field} doesn't exist`, source: { filter: key } } };
    }
    const wanted = value.split(',').map((text) => text.toLowerCase());
    kept = kept.filter((row) => wanted.includes(String(row.fields[field] ?? '').toLowerCase()));
  }
  return { ok: true, value: kept };
}

function pageNumber(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

function resource(row: EntityRow, fields: readonly string[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  const relationships: Record<string, unknown> = {};
  for (const field of fields) {
    const value = row.fields[field];
    if (typeof value === 'object' && value !== null) relationships[field] = { data: value };
    else attributes[field] = value;
  }
  const id = row.fields['id'];
  return { type: 'HumanUser', id, attributes, relationships, links: { self: `/api/v1/entity/human_users/${String(id)}` } };
}

function refuse(context: SiteContext, call: string, authKind: AuthKind, error: RestError, who: string | null = null): PracticeReply {
  logRequest(context, call, authKind, who, null, { kind: 'http-error', status: error.status, code: error.code });
  return restErrorReply(error);
}
