import type { SiteAddress } from '../site/site-address';
import { isRecord } from '../text/json-record';
import { classifyFault } from './api3-fault';
import type { FaultContext } from './api3-fault';
import { decodeJsonReply } from './decode-http-reply';
import type { Failure } from './failure';
import type { HttpReply, Transport } from './transport';

/** The credentials part of an API3 envelope, e.g. `{user_login, user_password}`. */
export type Api3Auth = Readonly<Record<string, string | boolean>>;

export interface Api3Request {
  method: string;
  /** `null` for calls that need none (`info`). */
  auth: Api3Auth | null;
  params: Readonly<Record<string, unknown>> | null;
  /** How to read a fault from this call. */
  faultContext?: FaultContext;
}

export type Api3Result = { ok: true; results: unknown; reply: HttpReply } | { ok: false; failure: Failure };

function api3Url(site: SiteAddress): string {
  return `${site.origin}/api3/json`;
}

/** `{"method_name":…,"params":[auth, params]}`, empty elements left out, as the Python API sends it. */
export function api3Envelope(request: Api3Request): string {
  const params = [request.auth, request.params].filter((part) => part !== null);
  return JSON.stringify({ method_name: request.method, params });
}

/** One API3 call: exactly one HTTP request, never retried here. */
export async function callApi3(transport: Transport, site: SiteAddress, request: Api3Request): Promise<Api3Result> {
  const sent = await transport.postJson(api3Url(site), api3Envelope(request));
  if (!sent.ok) return sent;
  const decoded = decodeJsonReply(sent.reply);
  if (!decoded.ok) return decoded;

  const { json } = decoded;
  if (isRecord(json) && json.exception) {
    const code = typeof json.error_code === 'number' ? json.error_code : 0;
    const message = typeof json.message === 'string' ? json.message : '';
    return { ok: false, failure: classifyFault(code, message, request.faultContext ?? {}) };
  }
  // Replies come wrapped in `results` or bare depending on the server; the Python API takes both.
  const results = isRecord(json) && 'results' in json ? json.results : json;
  return { ok: true, results, reply: sent.reply };
}

