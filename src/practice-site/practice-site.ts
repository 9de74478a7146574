import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { LoginMethod } from '../shotgrid/login-method';
import { AccountBook } from './account-book';
import type { PracticeAccountState } from './account-book';
import { handleApi3 } from './api3-endpoint';
import { approvalPage } from './approval-page';
import { AppSessionLauncher } from './app-session-launcher';
import type { ApprovalResult, PendingAppSessionRequest } from './app-session-launcher';
import { Gatekeeper } from './gatekeeper';
import { CONTROL_PREFIX, handleControl } from './practice-controls';
import type { PracticeControlTarget } from './practice-controls';
import { htmlPage, htmlReply, readBody } from './practice-reply';
import type { PracticeReply } from './practice-reply';
import { practiceSeed } from './practice-seed';
import type { PracticeAccountSeed, PracticeScriptSeed } from './practice-seed';
import { practiceSiteSummary } from './practice-site-summary';
import { PRACTICE_TLS_CERT, PRACTICE_TLS_KEY } from './practice-tls';
import { RequestLog } from './request-log';
import type { RequestLogEntry, RequestOutcome } from './request-log';
import { handleRest } from './rest-endpoint';
import { DEFAULT_IDLE_WINDOW_SECONDS, SessionStore } from './session-store';
import { logRequest } from './site-context';
import type { SiteContext } from './site-context';
import { faultSwitchesSchema, planFaults } from './transport-faults';
import type { FaultSwitches } from './transport-faults';

export type { FaultSwitches } from './transport-faults';
export type { PracticeAccountState } from './account-book';

/** Requests bigger than this get 413 (the site only ever needs small JSON and form bodies). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '::1', 'localhost'];

export interface PracticeSiteOptions {
  /** The site's `user_authentication_method`. Default `oxygen` (Autodesk Identity). */
  method?: LoginMethod;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: `127.0.0.1` (default), `::1` or `localhost`. */
  host?: string;
  /** Serve https with the embedded self-signed practice certificate. */
  tls?: boolean;
  /** API3 answer to a password login on `oxygen` without a passphrase or bound PAT. Default `api3-102`. */
  noPatReply?: 'api3-102' | 'api3-110';
  /** REST answer to the same. Default 400 ("Can't authenticate user"). */
  restNoPatReply?: 400 | 401;
  /** Wrap API3 `info` in `results`. Default false (bare). */
  infoWrapped?: boolean;
  /** Wrap `get_session_token`'s answer in `results`. Default true. */
  sessionWrapped?: boolean;
  /** Whether `info` advertises the App Session Launcher and its endpoints answer. Default true. */
  appSessionLauncher?: boolean;
  /** Session idle window. Default 86400 (24 h). */
  idleWindowSeconds?: number;
  /** Put before every session id, e.g. `planted-session-`, so tests can search what they wrote for leaked sessions. */
  sessionIdPrefix?: string;
  /** The site's clock: lockouts, session expiry, token times and the `Date` header. Default: the real clock. */
  clock?: () => Date;
  /** Fault switches to start with. */
  faults?: FaultSwitches;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
}

export type PracticeAccountInfo = Readonly<PracticeAccountSeed>;
export type PracticeScriptInfo = Readonly<PracticeScriptSeed>;

export interface PracticeSite {
  /** The origin to give clients, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly method: LoginMethod;
  /** The PEM certificate clients must trust when `tls` is on; `null` over plain http. */
  readonly certificate: string | null;
  readonly accounts: readonly PracticeAccountInfo[];
  readonly scripts: readonly PracticeScriptInfo[];
  readonly log: RequestLog;
  faults(): FaultSwitches;
  /** Replaces every switch (an empty object turns them all off). */
  setFaults(faults: FaultSwitches): void;
  /** Live state of an account (lockout, status, unused 2FA codes); `undefined` for an unknown login. */
  account(login: string): PracticeAccountState | undefined;
  /** A web session for a person, as if they had signed in with a browser. Throws for unknown or inactive logins. */
  openBrowserSession(login: string): string;
  /** Ends one login's sessions (every session when null) as if their idle window had passed; resolves how many. */
  expireSessions(login: string | null): number;
  appSessionRequests(): PendingAppSessionRequest[];
  /** What the person's "Approve" click in the browser does. */
  approveAppSession(requestId: string, login: string): ApprovalResult;
  denyAppSession(requestId: string): ApprovalResult;
  close(): Promise<void>;
}

/** Starts a simulated ShotGrid site on loopback. One instance is one site with one login method. */
export async function startPracticeSite(options: PracticeSiteOptions = {}): Promise<PracticeSite> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error(`The practice site listens on loopback only (127.0.0.1, ::1 or localhost), not '${host}'.`);
  }
  const tls = options.tls ?? false;
  const server = tls ? createHttpsServer({ cert: PRACTICE_TLS_CERT, key: PRACTICE_TLS_KEY }) : createHttpServer();
  const port = await listen(server, host, options.port ?? 0);
  const urlHost = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const site = new RunningSite(server, options, `${tls ? 'https' : 'http'}://${urlHost}`, urlHost, tls);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void site.serve(request, response);
  });
  // Bytes that are not HTTP get a 400 and a closed connection, like any web server, not a hung socket.
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });
  return site;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

class RunningSite implements PracticeSite, PracticeControlTarget {
  readonly method: LoginMethod;
  readonly certificate: string | null;
  readonly accounts: readonly PracticeAccountInfo[];
  readonly scripts: readonly PracticeScriptInfo[];
  readonly log = new RequestLog();
  private currentFaults: FaultSwitches;
  private readonly context: SiteContext;
  private readonly launcher: AppSessionLauncher;
  private readonly maxBodyBytes: number;

  constructor(
    private readonly server: Server,
    options: PracticeSiteOptions,
    readonly url: string,
    urlHost: string,
    tls: boolean,
  ) {
    this.method = options.method ?? 'oxygen';
    this.certificate = tls ? PRACTICE_TLS_CERT : null;
    const clock = options.clock ?? (() => new Date());
    const seed = practiceSeed(this.method);
    this.accounts = seed.accounts;
    this.scripts = seed.scripts;
    this.currentFaults = faultSwitchesSchema.parse(options.faults ?? {});
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const book = new AccountBook(seed.accounts, seed.scripts, clock());
    const sessions = new SessionStore((options.idleWindowSeconds ?? DEFAULT_IDLE_WINDOW_SECONDS) * 1000, options.sessionIdPrefix);
    this.context = {
      method: this.method,
      identity: {
        method: this.method,
        siteName: 'Gridpass Practice Studio',
        siteId: `practice-${this.method}`,
        appSessionLauncher: options.appSessionLauncher ?? true,
      },
      host: urlHost,
      origin: url,
      book,
      sessions,
      gatekeeper: new Gatekeeper(this.method, book, sessions),
      log: this.log,
      style: {
        noPatReply: options.noPatReply ?? 'api3-102',
        restNoPatReply: options.restNoPatReply ?? 400,
        infoWrapped: options.infoWrapped ?? false,
        sessionWrapped: options.sessionWrapped ?? true,
      },
      clock,
      jwtSecret: randomBytes(32),
    };
    this.launcher = new AppSessionLauncher(this.context);
  }

  faults(): FaultSwitches {
    return { ...this.currentFaults };
  }

  setFaults(faults: FaultSwitches): void {
    this.currentFaults = faultSwitchesSchema.parse(faults);
  }

  account(login: string): PracticeAccountState | undefined {
    const wanted = login.toLowerCase();
    const record = this.context.book.allAccounts().find((candidate) => candidate.seed.login.toLowerCase() === wanted);
    return record === undefined ? undefined : this.context.book.stateOf(record);
  }

  openBrowserSession(login: string): string {
    const record = this.context.book.liveAccount(login);
    if (record === undefined || record.status !== 'act') {
      throw new Error(`No active practice account has the login '${login}'.`);
    }
    return this.context.sessions.open({ type: 'HumanUser', id: record.seed.id, login: record.seed.login }, this.context.clock());
  }

  expireSessions(login: string | null): number {
    return this.context.sessions.expire(login, this.context.clock());
  }

  appSessionRequests(): PendingAppSessionRequest[] {
    return this.launcher.pending();
  }

  approveAppSession(requestId: string, login: string): ApprovalResult {
    return this.launcher.approve(requestId, login);
  }

  denyAppSession(requestId: string): ApprovalResult {
    return this.launcher.deny(requestId);
  }

  summary(): unknown {
    return practiceSiteSummary(this);
  }

  requestLog(): readonly RequestLogEntry[] {
    return this.log.entries();
  }

  clearRequestLog(): void {
    this.log.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** One request, start to end. Never throws: bad input gets an answer, and a bug gets a 500, not a crash. */
  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://practice.invalid');
    try {
      if (url.pathname.startsWith(CONTROL_PREFIX)) {
        await this.serveControl(request, response, method, url.pathname);
        return;
      }
      await this.serveSite(request, response, method, url);
    } catch {
      logRequest(this.context, `${method} ${url.pathname}`, 'none', null, null, { kind: 'http-error', status: 500, code: null });
      if (!response.headersSent) this.send(response, htmlReply(500, htmlPage('500 Internal Server Error', 'The practice site hit a bug.')));
      else response.destroy();
    }
  }

  private async serveControl(request: IncomingMessage, response: ServerResponse, method: string, pathname: string): Promise<void> {
    const body = await readBody(request, this.maxBodyBytes);
    if (!body.ok) {
      this.refuseBody(response, body.reason, `${method} ${pathname}`);
      return;
    }
    const answer = handleControl(this, method, pathname, body.body, request.headers['content-type']);
    logRequest(this.context, `${method} ${pathname}`, 'control', null, null, answer.outcome);
    this.send(response, answer.reply);
  }

  private async serveSite(request: IncomingMessage, response: ServerResponse, method: string, url: URL): Promise<void> {
    const faults = this.faults();
    if (faults.latencyMs !== undefined && faults.latencyMs > 0) await delay(faults.latencyMs);
    const plan = planFaults(faults);
    const call = `${method} ${url.pathname}`;
    if (plan.kind === 'reset') {
      logRequest(this.context, call, 'none', null, null, transportOutcome('reset'));
      request.socket.destroy();
      return;
    }
    if (plan.kind === 'replace') {
      logRequest(this.context, call, 'none', null, null, transportOutcome(plan.fault));
      request.resume();
      this.send(response, plan.reply);
      return;
    }
    const body = await readBody(request, this.maxBodyBytes);
    if (!body.ok) {
      this.refuseBody(response, body.reason, call);
      return;
    }
    const reply = this.route(request, method, url, body.body);
    if (plan.kind === 'truncate') this.sendTruncated(response, reply);
    else this.send(response, reply);
  }

  private route(request: IncomingMessage, method: string, url: URL, body: Buffer): PracticeReply {
    const contentType = request.headers['content-type'];
    const restPath = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (method === 'OPTIONS' && !restPath) return this.preflight(url.pathname);
    if (url.pathname === '/api3/json') {
      if (method === 'POST') return handleApi3(this.context, body);
      return this.plainPage(method, url.pathname, 405, 'Method Not Allowed', 'The API3 endpoint takes POST only.', { Allow: 'POST' });
    }
    if (restPath) {
      const authorization = request.headers.authorization;
      return handleRest(this.context, { method, pathname: url.pathname, query: url.searchParams, contentType, authorization, body });
    }
    const launcher = this.launcher.handle(method, url.pathname, contentType, body);
    if (launcher !== null) return launcher;
    const approving = /^\/app_session_request\/([^/?]+)/.exec(url.searchParams.get('return_path') ?? '');
    if (method === 'GET' && url.pathname === '/user/login' && approving?.[1] !== undefined) {
      return this.approvalPage(approving[1]);
    }
    if (method === 'GET' && (url.pathname === '/' || url.pathname === '/user/login')) {
      return this.plainPage(method, url.pathname, 200, 'Gridpass Practice Studio',
        'This is a practice ShotGrid site for Gridpass. People sign in to it with the practice accounts; ' +
        'App Session Launcher requests are approved through the practice controls.');
    }
    return this.plainPage(method, url.pathname, 404, '404 Not Found', 'The page you were looking for does not exist.');
  }

  /** Stands in for the browser where the person is signed in: choose who approves, or deny. */
  private approvalPage(requestId: string): PracticeReply {
    logRequest(this.context, 'GET /user/login', 'none', null, null, { kind: 'ok' });
    // Ids are hex, so the id as it appears in the address is compared as is (no decoding that could throw).
    const request = this.launcher.pending().find((candidate) => candidate.id === requestId);
    const people = this.accounts.filter((account) => account.status === 'act' && !account.retired);
    return htmlReply(200, approvalPage(request, people));
  }

  /**
   * Recorded: outside `/api/v1` a live site answers any preflight 200 with an empty body and no CORS header,
   * so a browser refuses the cross-origin call (a page must reach the launcher through its own server).
   */
  private preflight(pathname: string): PracticeReply {
    logRequest(this.context, `OPTIONS ${pathname}`, 'none', null, null, { kind: 'ok' });
    return { status: 200, headers: {}, body: '' };
  }

  private plainPage(
    method: string, pathname: string, status: number, title: string, text: string, headers: Record<string, string> = {},
  ): PracticeReply {
    const outcome: RequestOutcome = status < 400 ? { kind: 'ok' } : { kind: 'http-error', status, code: null };
    logRequest(this.context, `${method} ${pathname}`, 'none', null, null, outcome);
    return htmlReply(status, htmlPage(title, text), headers);
  }

  private refuseBody(response: ServerResponse, reason: 'too-large' | 'aborted', call: string): void {
    if (reason === 'aborted') {
      response.destroy();
      return;
    }
    logRequest(this.context, call, 'none', null, null, { kind: 'http-error', status: 413, code: null });
    const page = htmlPage('413 Request Entity Too Large', `Requests to this site are limited to ${this.maxBodyBytes} bytes.`);
    this.send(response, htmlReply(413, page, { Connection: 'close' }));
  }

  private send(response: ServerResponse, reply: PracticeReply): void {
    const body = Buffer.from(reply.body, 'utf8');
    response.writeHead(reply.status, { ...reply.headers, Date: this.context.clock().toUTCString(), 'Content-Length': String(body.length) });
    response.end(body);
  }

  /** Promises the whole body, sends half, and hangs up: what a dying proxy or a dropped link looks like. */
  private sendTruncated(response: ServerResponse, reply: PracticeReply): void {
    const body = Buffer.from(reply.body, 'utf8');
    response.writeHead(reply.status, { ...reply.headers, Date: this.context.clock().toUTCString(), 'Content-Length': String(body.length) });
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.destroy());
  }
}

function transportOutcome(fault: string): RequestOutcome {
  return { kind: 'transport-fault', fault };
}
