import { randomBytes } from 'node:crypto';
import { isObject, stringField } from './json-shapes';
import { htmlPage, htmlReply, jsonReply, mediaType } from './practice-reply';
import type { PracticeReply } from './practice-reply';
import { logRequest } from './site-context';
import type { SiteContext } from './site-context';

/** A pending request is forgotten after about five minutes (measured: 404 after 305 s). */
export const APP_SESSION_REQUEST_LIFETIME_MS = 305 * 1000;

interface LauncherRequest {
  id: string;
  appName: string;
  machineId: string;
  createdAt: Date;
  state: { kind: 'pending' } | { kind: 'approved'; sessionToken: string; login: string } | { kind: 'denied' };
}

/** A request a person could approve, as the practice controls list it. */
export interface PendingAppSessionRequest {
  id: string;
  appName: string;
  machineId: string;
  createdAt: Date;
}

export type ApprovalResult = { ok: true } | { ok: false; reason: 'unknown-request' | 'unknown-user' | 'inactive-user' };

const REQUEST_ROUTE = 'POST /internal_api/app_session_request';
const POLL_ROUTE = 'PUT /internal_api/app_session_request/:id';
const NOT_FOUND = { message: 'Not Found' };

/**
 * The App Session Launcher: an app asks for a session, a person approves it in a signed-in browser (here: the
 * practice controls stand in for that browser), and the app's next poll gets the session token, once.
 * `/internal_api` answers errors as `{"message": ...}` and sends no CORS headers, as recorded.
 */
export class AppSessionLauncher {
  private readonly requests = new Map<string, LauncherRequest>();

  constructor(private readonly context: SiteContext) {}

  /** Routes `/internal_api/app_session_request[/<id>]` and the browser page; `null` when the path is not ours. */
  handle(method: string, pathname: string, contentType: string | undefined, body: Buffer): PracticeReply | null {
    if (pathname === '/internal_api/app_session_request' && method === 'POST') return this.open(contentType, body);
    const poll = /^\/internal_api\/app_session_request\/([^/]+)$/.exec(pathname);
    if (poll?.[1] !== undefined && method === 'PUT') return this.poll(poll[1]);
    const page = /^\/app_session_request\/([^/]+)$/.exec(pathname);
    if (page?.[1] !== undefined && method === 'GET') {
      // Without a site cookie the browser is sent to sign in first, as on a live site.
      logRequest(this.context, 'GET /app_session_request/:id', 'none', null, null, { kind: 'http-error', status: 302, code: null });
      const location = `${this.context.origin}/user/login?return_path=/app_session_request/${page[1]}`;
      return htmlReply(302, htmlPage('302 Found', 'Sign in to approve this request.'), { Location: location });
    }
    return null;
  }

  pending(): PendingAppSessionRequest[] {
    this.forgetExpired();
    return [...this.requests.values()]
      .filter((request) => request.state.kind === 'pending')
      .map(({ id, appName, machineId, createdAt }) => ({ id, appName, machineId, createdAt }));
  }

  /** What the person's click on "Approve" does: binds a fresh session of theirs to the request. */
  approve(requestId: string, login: string): ApprovalResult {
    this.forgetExpired();
    const request = this.requests.get(requestId);
    if (request === undefined || request.state.kind !== 'pending') return { ok: false, reason: 'unknown-request' };
    const account = this.context.book.liveAccount(login);
    if (account === undefined) return { ok: false, reason: 'unknown-user' };
    if (account.status !== 'act') return { ok: false, reason: 'inactive-user' };
    const principal = { type: 'HumanUser' as const, id: account.seed.id, login: account.seed.login };
    const sessionToken = this.context.sessions.open(principal, this.context.clock());
    request.state = { kind: 'approved', sessionToken, login: account.seed.login };
    return { ok: true };
  }

  deny(requestId: string): ApprovalResult {
    this.forgetExpired();
    const request = this.requests.get(requestId);
    if (request === undefined || request.state.kind !== 'pending') return { ok: false, reason: 'unknown-request' };
    request.state = { kind: 'denied' };
    return { ok: true };
  }

  private open(contentType: string | undefined, body: Buffer): PracticeReply {
    if (!this.context.identity.appSessionLauncher) {
      logRequest(this.context, REQUEST_ROUTE, 'none', null, null, { kind: 'http-error', status: 403, code: null });
      // OURS: tk-core reads any 403 with JSON as "not enabled"; a live site's message is unrecorded.
      return jsonReply(403, { message: 'The App Session Launcher is not enabled on this site.' });
    }
    const params = launcherParams(contentType, body);
    const missing = ['appName', 'machineId'].filter((name) => (params[name] ?? '') === '');
    if (missing.length > 0) {
      logRequest(this.context, REQUEST_ROUTE, 'none', null, null, { kind: 'http-error', status: 400, code: null });
      // RECORDED for both missing; naming just the one missing is our extension of it.
      return jsonReply(400, { message: `Missing params: ${missing.join(', ')}` });
    }
    this.forgetExpired();
    const id = randomBytes(16).toString('hex');
    this.requests.set(id, {
      id, appName: params['appName'] ?? '', machineId: params['machineId'] ?? '', createdAt: this.context.clock(), state: { kind: 'pending' },
    });
    logRequest(this.context, REQUEST_ROUTE, 'none', null, null, { kind: 'ok' });
    return jsonReply(200, { sessionRequestId: id, url: `${this.context.origin}/app_session_request/${id}?sticky_id=${id}` });
  }

  /** Pending answers `approved: false`; approved answers the token once and then forgets the request. */
  private poll(id: string): PracticeReply {
    this.forgetExpired();
    const request = this.requests.get(id);
    if (request === undefined || request.state.kind === 'denied') {
      logRequest(this.context, POLL_ROUTE, 'none', null, null, { kind: 'http-error', status: 404, code: null });
      return jsonReply(404, NOT_FOUND);
    }
    if (request.state.kind === 'pending') {
      logRequest(this.context, POLL_ROUTE, 'none', null, null, { kind: 'ok' });
      return jsonReply(200, { approved: false });
    }
    this.requests.delete(id);
    logRequest(this.context, POLL_ROUTE, 'none', request.state.login, null, { kind: 'ok' });
    return jsonReply(200, { approved: true, sessionToken: request.state.sessionToken, userLogin: request.state.login });
  }

  private forgetExpired(): void {
    const now = this.context.clock().getTime();
    for (const [id, request] of this.requests) {
      if (now - request.createdAt.getTime() > APP_SESSION_REQUEST_LIFETIME_MS) this.requests.delete(id);
    }
  }
}

/** The launcher takes its two fields form-encoded or as JSON (both measured). */
function launcherParams(contentType: string | undefined, body: Buffer): Record<string, string | undefined> {
  const text = body.toString('utf8');
  if (mediaType(contentType) === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isObject(parsed)) return { appName: stringField(parsed, 'appName'), machineId: stringField(parsed, 'machineId') };
    } catch {
      return {};
    }
    return {};
  }
  const form = new URLSearchParams(text);
  return { appName: form.get('appName') ?? undefined, machineId: form.get('machineId') ?? undefined };
}
