import { z } from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import type { ApprovalResult, PendingAppSessionRequest } from './app-session-launcher';
import { decisionPage } from './approval-page';
import { htmlReply, jsonReply, mediaType } from './practice-reply';
import type { PracticeReply } from './practice-reply';
import type { RequestLogEntry, RequestOutcome } from './request-log';
import { faultSwitchesSchema } from './transport-faults';
import type { FaultSwitches } from './transport-faults';

/** What the control routes may do to the running site. */
export interface PracticeControlTarget {
  faults(): FaultSwitches;
  setFaults(faults: FaultSwitches): void;
  summary(): unknown;
  /** Every request the site has seen, oldest first (never a secret: the log records who, not with what). */
  requestLog(): readonly RequestLogEntry[];
  /** Empties the log, so a test or a trainer can count from a known point. */
  clearRequestLog(): void;
  openBrowserSession(login: string): string;
  expireSessions(login: string | null): number;
  appSessionRequests(): PendingAppSessionRequest[];
  approveAppSession(requestId: string, login: string): ApprovalResult;
  denyAppSession(requestId: string): ApprovalResult;
}

interface ControlAnswer {
  reply: PracticeReply;
  outcome: RequestOutcome;
}

export const CONTROL_PREFIX = '/__practice/';

/** The CLI's bundle carries no zod locale of its own (see the build); a refused switch is explained in English. */
const englishMessages = english().localeError;

const decisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), login: z.string().check(z.minLength(1)) }),
  z.strictObject({ decision: z.literal('deny') }),
]);
const browserSessionSchema = z.strictObject({ login: z.string().check(z.minLength(1)) });
const expireSessionsSchema = z.strictObject({ login: z.optional(z.string().check(z.minLength(1))) });

/**
 * `/__practice/*`: switches for demos and training, reachable only on the loopback address the site listens
 * on, and never subject to the fault switches (or a site switched to "reset" could never be switched back).
 */
export function handleControl(
  target: PracticeControlTarget, method: string, pathname: string, body: Buffer, contentType?: string,
): ControlAnswer {
  const route = pathname.slice(CONTROL_PREFIX.length);
  if (route === 'faults' && method === 'GET') return ok(target.faults());
  if (route === 'faults' && method === 'POST') {
    const parsed = parseJson(body, faultSwitchesSchema);
    if (!parsed.ok) return badRequest(parsed.message);
    target.setFaults(parsed.value);
    return ok(target.faults());
  }
  if (route === 'accounts' && method === 'GET') return ok(target.summary());
  // Lets a separate process (the CLI, a Python script, a test) count the logins a client really sent.
  if (route === 'log' && method === 'GET') return ok({ entries: target.requestLog().map(logEntryJson) });
  if (route === 'log' && method === 'DELETE') {
    target.clearRequestLog();
    return ok({ entries: [] });
  }
  if (route === 'sessions' && method === 'POST') {
    const parsed = parseJson(body, browserSessionSchema);
    if (!parsed.ok) return badRequest(parsed.message);
    try {
      return ok({ session_token: target.openBrowserSession(parsed.value.login) });
    } catch (error) {
      return badRequest(error instanceof Error ? error.message : 'Cannot open a session for that login.');
    }
  }
  // What a tool meets the morning after: the session it kept is past the site's idle window.
  if (route === 'sessions/expire' && method === 'POST') {
    const parsed = parseJson(body, expireSessionsSchema);
    if (!parsed.ok) return badRequest(parsed.message);
    return ok({ expired: target.expireSessions(parsed.value.login ?? null) });
  }
  if (route === 'app-session-requests' && method === 'GET') return ok({ pending: target.appSessionRequests() });
  const decision = /^app-session-requests\/([^/]+)$/.exec(route);
  if (decision?.[1] !== undefined && method === 'POST' && isPageForm(contentType, body)) {
    return decideFromPage(target, decision[1], body);
  }
  if (decision?.[1] !== undefined && method === 'POST') {
    const parsed = parseJson(body, decisionSchema);
    if (!parsed.ok) return badRequest(parsed.message);
    const result = parsed.value.decision === 'approve'
      ? target.approveAppSession(decision[1], parsed.value.login)
      : target.denyAppSession(decision[1]);
    return result.ok ? ok({ ok: true }) : answer(404, { message: `Cannot do that: ${result.reason}.` });
  }
  return answer(404, { message: 'Not Found' });
}

/** curl -d labels JSON as a form too, so only a body that is not JSON counts as the page's form. */
function isPageForm(contentType: string | undefined, body: Buffer): boolean {
  return mediaType(contentType) === 'application/x-www-form-urlencoded' && !body.toString('utf8').trimStart().startsWith('{');
}

/** The approval page's buttons post a form and get a page back, as a browser expects. */
function decideFromPage(target: PracticeControlTarget, requestId: string, body: Buffer): ControlAnswer {
  const form = new URLSearchParams(body.toString('utf8'));
  const parsed = decisionSchema.safeParse({ decision: form.get('decision') ?? '', ...(form.has('login') ? { login: form.get('login') } : {}) });
  if (!parsed.success) return { reply: htmlReply(400, decisionPage('deny', false, 'The form was not filled in.')), outcome: { kind: 'http-error', status: 400, code: null } };
  const result = parsed.data.decision === 'approve' ? target.approveAppSession(requestId, parsed.data.login) : target.denyAppSession(requestId);
  const reason = result.ok ? null : `Cannot do that: ${result.reason}.`;
  const status = result.ok ? 200 : 404;
  const outcome: RequestOutcome = result.ok ? { kind: 'ok' } : { kind: 'http-error', status, code: null };
  return { reply: htmlReply(status, decisionPage(parsed.data.decision, result.ok, reason)), outcome };
}

function logEntryJson(entry: RequestLogEntry) {
  return { ...entry, at: entry.at.toISOString() };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseJson<T>(body: Buffer, schema: z.ZodMiniType<T>): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return { ok: false, message: 'The body is not valid JSON.' };
  }
  const result = schema.safeParse(value, { error: englishMessages });
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    return { ok: false, message: issues.join('; ') };
  }
  return { ok: true, value: result.data };
}

function ok(value: unknown): ControlAnswer {
  return answer(200, value);
}

function badRequest(message: string): ControlAnswer {
  return answer(400, { message });
}

function answer(status: number, value: unknown): ControlAnswer {
  const outcome: RequestOutcome = status === 200 ? { kind: 'ok' } : { kind: 'http-error', status, code: null };
  return { reply: jsonReply(status, value), outcome };
}
