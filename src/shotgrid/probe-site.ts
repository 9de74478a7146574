import type { SiteAddress } from '../site/site-address';
import { isRecord } from '../text/json-record';
import { callApi3 } from './api3-call';
import type { Api3Result } from './api3-call';
import type { Failure } from './failure';
import { isLoginMethod } from './login-method';
import type { SiteInfo } from './shotgrid-client';
import type { Transport } from './transport';
import { serverExcerpt } from './server-text';

type ProbeResult = { ok: true; info: SiteInfo } | { ok: false; failure: Failure };

/** Gateway errors the Python API also retries. Only `info` may be retried: it carries no credentials. */
const RETRIED_STATUSES = new Set([502, 504]);

/** Asks the site who it is, without credentials: API3 `info`, retried once on a gateway error. */
export async function probeSite(transport: Transport, site: SiteAddress, retryDelayMs: number): Promise<ProbeResult> {
  let called = await callInfo(transport, site);
  if (isGatewayError(called)) {
    await delay(retryDelayMs);
    called = await callInfo(transport, site);
  }
  if (!called.ok) return called;
  return decodeSiteInfo(called.results, called.reply.date);
}

function callInfo(transport: Transport, site: SiteAddress): Promise<Api3Result> {
  return callApi3(transport, site, { method: 'info', auth: null, params: null });
}

function isGatewayError(result: Api3Result): boolean {
  return !result.ok && result.failure.kind === 'http-error' && RETRIED_STATUSES.has(result.failure.status);
}

/** Reads the `info` reply. Without a version number it is not a ShotGrid site, whatever else it sent. */
export function decodeSiteInfo(results: unknown, dateHeader: string | null): ProbeResult {
  if (!isRecord(results)) {
    return { ok: false, failure: { kind: 'not-shotgrid', detail: 'The site answered with JSON that is not a ShotGrid site description.' } };
  }
  const version = numberList(results.version);
  if (version === null || version.length < 3) {
    return { ok: false, failure: { kind: 'not-shotgrid', detail: "The site's reply has no ShotGrid version number." } };
  }
  // Shown as the server wrote it when Gridpass does not know the method: server text, bounded and screened.
  const rawLoginMethod = typeof results.user_authentication_method === 'string' ? serverExcerpt(results.user_authentication_method) : null;
  return {
    ok: true,
    info: {
      version: [version[0] ?? 0, version[1] ?? 0, version[2] ?? 0],
      fullVersion: nonEmpty(numberList(results.full_version)),
      loginMethod: isLoginMethod(rawLoginMethod) ? rawLoginMethod : null,
      rawLoginMethod,
      // Both flags count only when the server says so: older servers leave them out.
      unifiedLoginFlow: results.unified_login_flow_enabled === true,
      appSessionLauncher: results.authentication_app_session_launcher_enabled === true,
      serverDate: parseHttpDate(dateHeader),
    },
  };
}

function numberList(value: unknown): number[] | null {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0)) {
    return null;
  }
  return value as number[];
}

function parseHttpDate(header: string | null): Date | null {
  if (header === null) return null;
  const date = new Date(header);
  return Number.isNaN(date.getTime()) ? null : date;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function nonEmpty(list: number[] | null): number[] | null {
  return list === null || list.length === 0 ? null : list;
}
