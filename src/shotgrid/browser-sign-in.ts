import type { SiteAddress } from '../site/site-address';
import type { BrowserSignInFailure, LauncherFailure } from './browser-sign-in-failure';
import type { NetworkFailure } from '../net/network-failure';
import { isServerError, readPollAnswer, readRequestAnswer } from './launcher-reply';
import type { LauncherRequest } from './launcher-reply';
import type { HttpReply, OutgoingRequest, Transport, TransportResult } from './transport';

/** What Gridpass calls itself on the site's approval page. */
const LAUNCHER_APP_NAME = 'Gridpass';
/** tk-core polls every 2 s for at most 180 s (its comment's "5 minutes" is wrong). */
export const LAUNCHER_POLL_INTERVAL_MS = 2000;
export const LAUNCHER_MAX_WAIT_MS = 180 * 1000;
/** tk-core tries a request up to 4 times on a 5xx or a dropped connection, pausing 0.75 s × the attempt. */
export const LAUNCHER_MAX_ATTEMPTS = 4;
export const LAUNCHER_RETRY_BACKOFF_MS = 750;

/**
 * The time the flow waits on, injected so polling can be tested without waiting. The app shell's clock
 * has exactly this shape (and lives above this floor, so it is not imported).
 */
export interface PollClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time, for the command line (the app passes its own clock). */
export const realPollClock: PollClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The page where the person approves, and until when (on the flow's clock) Gridpass waits for them. */
export interface ApprovalLink {
  url: string;
  expiresAt: number;
}

/** What an approval hands over. `sessionToken` is a secret: memory only, for this one flow. */
export interface BrowserSession {
  login: string;
  sessionToken: string;
}

type BrowserSignInResult = { ok: true; session: BrowserSession } | { ok: false; failure: BrowserSignInFailure };

export interface BrowserSignInTiming {
  pollIntervalMs: number;
  maxWaitMs: number;
  maxAttempts: number;
  retryBackoffMs: number;
}

interface BrowserSignInRun {
  transport: Transport;
  site: SiteAddress;
  /** The computer's name, shown to the person on the approval page. */
  machineId: string;
  clock: PollClock;
  /** Cancels at any point: while the request opens, between polls, or during one. */
  signal?: AbortSignal;
  /** Called once the site opened the request: show the link, open the browser. */
  onApprovalLink(link: ApprovalLink): void;
  timing?: Partial<BrowserSignInTiming>;
}

const DEFAULT_TIMING: BrowserSignInTiming = {
  pollIntervalMs: LAUNCHER_POLL_INTERVAL_MS,
  maxWaitMs: LAUNCHER_MAX_WAIT_MS,
  maxAttempts: LAUNCHER_MAX_ATTEMPTS,
  retryBackoffMs: LAUNCHER_RETRY_BACKOFF_MS,
};

const CANCELLED: LauncherFailure = { kind: 'launcher-cancelled' };

/**
 * Browser sign-in through the site's App Session Launcher (tk-core's `app_session_launcher.process`): open a
 * request, let the person approve it in a signed-in browser, poll until the site hands over a session token.
 * No password is involved, so nothing here counts towards a lockout.
 */
export async function signInWithBrowser(run: BrowserSignInRun): Promise<BrowserSignInResult> {
  const timing = { ...DEFAULT_TIMING, ...run.timing };
  const opened = await openRequest(run, timing);
  if (!opened.ok) return opened;
  const started = run.clock.now();
  run.onApprovalLink({ url: opened.request.approvalUrl, expiresAt: started + timing.maxWaitMs });
  return awaitApproval(run, timing, opened.request, started);
}

type Opened = { ok: true; request: LauncherRequest } | { ok: false; failure: BrowserSignInFailure };

async function openRequest(run: BrowserSignInRun, timing: BrowserSignInTiming): Promise<Opened> {
  const body = new URLSearchParams({ appName: LAUNCHER_APP_NAME, machineId: run.machineId }).toString();
  const url = `${run.site.origin}/internal_api/app_session_request`;
  const sent = await sendWithRetries(run, timing, url, { method: 'POST', contentType: 'application/x-www-form-urlencoded', body });
  if (!sent.ok) return sent;
  const answer = readRequestAnswer(sent.reply, run.site.origin, sent.attempts);
  return answer.kind === 'opened' ? { ok: true, request: answer.request } : { ok: false, failure: answer.failure };
}

async function awaitApproval(
  run: BrowserSignInRun, timing: BrowserSignInTiming, request: LauncherRequest, started: number,
): Promise<BrowserSignInResult> {
  const url = `${run.site.origin}/internal_api/app_session_request/${encodeURIComponent(request.id)}`;
  // As tk-core: wait, then ask, while the wait has not run out (so the last poll may land just after it).
  while (run.clock.now() - started < timing.maxWaitMs) {
    if (!(await pause(run, timing.pollIntervalMs))) return { ok: false, failure: CANCELLED };
    const sent = await sendWithRetries(run, timing, url, { method: 'PUT', contentType: null, body: null });
    if (!sent.ok) return sent;
    const answer = readPollAnswer(sent.reply, sent.attempts);
    if (answer.kind === 'approved') return { ok: true, session: { login: answer.login, sessionToken: answer.sessionToken } };
    if (answer.kind === 'failed') return { ok: false, failure: answer.failure };
  }
  return { ok: false, failure: { kind: 'launcher-timeout', afterMs: timing.maxWaitMs } };
}

type Sent = { ok: true; reply: HttpReply; attempts: number } | { ok: false; failure: BrowserSignInFailure };

/** The launcher's requests carry no credentials, so a brief server error or dropped connection is tried again. */
async function sendWithRetries(run: BrowserSignInRun, timing: BrowserSignInTiming, url: string, request: OutgoingRequest): Promise<Sent> {
  for (let attempt = 1; ; attempt += 1) {
    if (run.signal?.aborted) return { ok: false, failure: CANCELLED };
    const result: TransportResult = await run.transport.send(url, request);
    if (run.signal?.aborted) return { ok: false, failure: CANCELLED };
    const retryable = result.ok ? isServerError(result.reply) : isDroppedConnection(result.failure);
    if (!retryable || attempt >= timing.maxAttempts) return settled(result, attempt);
    if (!(await pause(run, attempt * timing.retryBackoffMs))) return { ok: false, failure: CANCELLED };
  }
}

function settled(result: TransportResult, attempts: number): Sent {
  if (result.ok) return { ok: true, reply: result.reply, attempts };
  const failure = result.failure;
  // Cut off or over the size limit: an HTTP answer came, but not one that can be read.
  if (failure.kind === 'too-large') return { ok: false, failure: { kind: 'launcher-bad-reply', detail: `The site's reply is larger than ${failure.limitBytes} bytes.` } };
  if (failure.kind === 'malformed') return { ok: false, failure: { kind: 'launcher-bad-reply', detail: `The site's reply is broken: ${failure.detail}.` } };
  return { ok: false, failure };
}

function isDroppedConnection(failure: { kind: string }): failure is NetworkFailure {
  return failure.kind === 'refused' || failure.kind === 'reset';
}

/** Waits on the flow's clock; `false` when cancelled meanwhile. */
function pause(run: BrowserSignInRun, ms: number): Promise<boolean> {
  const { clock, signal } = run;
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clock.clearTimeout(handle);
      resolve(false);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
