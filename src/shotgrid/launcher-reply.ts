import { isRecord } from '../text/json-record';
import type { LauncherFailure } from './browser-sign-in-failure';
import { bodyExcerpt } from './reply-text';
import type { HttpReply } from './transport';

/** The request the site opened: its id, and the page where the person approves it. */
export interface LauncherRequest {
  id: string;
  approvalUrl: string;
}

/** What one poll says. The token is a secret: it is handed on once and never put in a text. */
type PollAnswer =
  | { kind: 'pending' }
  | { kind: 'approved'; login: string; sessionToken: string }
  | { kind: 'failed'; failure: LauncherFailure };

type RequestAnswer = { kind: 'opened'; request: LauncherRequest } | { kind: 'failed'; failure: LauncherFailure };

/** An id is put into a URL path; anything longer than this is not an id the launcher hands out. */
const MAX_ID_LENGTH = 200;

/** Whether tk-core would try this reply again: the site's gateway or app server was briefly unwell. */
export function isServerError(reply: HttpReply): boolean {
  return reply.status >= 500 && reply.status < 600;
}

/**
 * The answer to `POST /internal_api/app_session_request`, read as tk-core does: 403 with JSON means the
 * feature is off, 200 must be a JSON object with `sessionRequestId` and `url`. The approval page must be on
 * the site itself, so a reply cannot send the person's browser anywhere else.
 */
export function readRequestAnswer(reply: HttpReply, siteOrigin: string, attempts: number): RequestAnswer {
  const early = statusFailure(reply, attempts);
  if (early !== null) return failed(early);
  const json = jsonOf(reply);
  if (reply.status === 403 && json.ok) {
    return failed({ kind: 'launcher-off', serverMessage: messageOf(json.value) });
  }
  if (reply.status !== 200) return failed(refused(reply));
  if (!json.ok) return failed({ kind: 'launcher-bad-reply', detail: json.detail });
  const id = json.value.sessionRequestId;
  const url = json.value.url;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH) {
    return failed({ kind: 'launcher-bad-reply', detail: 'The site opened no request (the reply has no sessionRequestId).' });
  }
  if (typeof url !== 'string' || !isOnSite(url, siteOrigin)) {
    return failed({ kind: 'launcher-bad-reply', detail: 'The reply has no approval page on the site itself.' });
  }
  return { kind: 'opened', request: { id, approvalUrl: url } };
}

/** The answer to one `PUT …/app_session_request/<id>`: pending, approved (once), or why not. */
export function readPollAnswer(reply: HttpReply, attempts: number): PollAnswer {
  const early = statusFailure(reply, attempts);
  if (early !== null) return failed(early);
  const json = jsonOf(reply);
  // tk-core reads a 404 as "rejected or expired" only when it is the launcher's JSON, not some web page.
  if (reply.status === 404 && json.ok) return failed({ kind: 'launcher-rejected' });
  if (reply.status !== 200) return failed(refused(reply));
  if (!json.ok) return failed({ kind: 'launcher-bad-reply', detail: json.detail });
  if (json.value.approved !== true) return { kind: 'pending' };
  const { sessionToken, userLogin } = json.value;
  if (typeof sessionToken !== 'string' || sessionToken === '' || typeof userLogin !== 'string' || userLogin === '') {
    return failed({ kind: 'launcher-bad-reply', detail: 'The site approved the request but sent no session or no login.' });
  }
  return { kind: 'approved', login: userLogin, sessionToken };
}

/** Redirects and server errors mean the same on both routes. Status 0 is a browser-style opaque redirect. */
function statusFailure(reply: HttpReply, attempts: number): LauncherFailure | null {
  if (reply.status === 0 || (reply.status >= 300 && reply.status < 400)) {
    return { kind: 'launcher-redirect', status: reply.status, location: reply.location };
  }
  if (isServerError(reply)) return { kind: 'launcher-unstable', status: reply.status, attempts };
  return null;
}

type Json = { ok: true; value: Record<string, unknown> } | { ok: false; detail: string };

/** tk-core parses only `application/json`; anything else is "not JSON", whatever it looks like. */
function jsonOf(reply: HttpReply): Json {
  const mediaType = reply.contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (mediaType !== 'application/json') {
    return { ok: false, detail: `The site's reply is not JSON (${mediaType ?? 'no content type'}, HTTP ${reply.status}).` };
  }
  let value: unknown;
  try {
    value = JSON.parse(reply.body);
  } catch {
    return { ok: false, detail: `The site's reply is not valid JSON (${new TextEncoder().encode(reply.body).byteLength} bytes received).` };
  }
  if (!isRecord(value)) return { ok: false, detail: 'The site\'s JSON reply is not an object.' };
  return { ok: true, value };
}

function messageOf(value: Record<string, unknown>): string {
  return typeof value.message === 'string' ? value.message : '';
}

function refused(reply: HttpReply): LauncherFailure {
  return { kind: 'launcher-refused', status: reply.status, detail: bodyExcerpt(reply.body) };
}

function isOnSite(url: string, siteOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(siteOrigin).origin && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

function failed(failure: LauncherFailure): { kind: 'failed'; failure: LauncherFailure } {
  return { kind: 'failed', failure };
}
