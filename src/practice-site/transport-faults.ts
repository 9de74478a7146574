import { z } from 'zod/mini';
import { htmlPage, htmlReply } from './practice-reply';
import type { PracticeReply } from './practice-reply';

/**
 * Things that go wrong between a client and a site, switchable per instance at runtime. When several are on,
 * the first that applies wins, in this order: reset, redirect, maintenance, bad gateway, gateway timeout,
 * forbidden, captive portal, truncate. Latency delays whichever answer follows.
 */
export const faultSwitchesSchema = z.strictObject({
  /** Wait this long before answering. */
  latencyMs: z.optional(z.int().check(z.minimum(0), z.maximum(600_000))),
  /** 503 with an HTML maintenance page. */
  maintenance: z.optional(z.boolean()),
  /** 200 `text/html`: a captive portal or proxy sign-in page instead of the site. */
  html: z.optional(z.boolean()),
  /** 302 to this URL (e.g. an old host moving to a new one). */
  redirectTo: z.optional(z.url()),
  /** Promise a full body in Content-Length, send half of it, then close the connection. */
  truncate: z.optional(z.boolean()),
  /** Close the connection without answering. */
  reset: z.optional(z.boolean()),
  /** 403 with an HTML page: API access blocked. */
  forbiddenHtml: z.optional(z.boolean()),
  /** 502 from a proxy in front of the site. */
  badGateway: z.optional(z.boolean()),
  /** 504 from a proxy in front of the site. */
  gatewayTimeout: z.optional(z.boolean()),
});

export type FaultSwitches = z.infer<typeof faultSwitchesSchema>;

/** The name the request log gives each fault. */
type TransportFaultName =
  | 'reset' | 'redirect' | 'maintenance' | 'bad-gateway' | 'gateway-timeout' | 'forbidden' | 'captive-portal' | 'truncate';

/** What the switches make of one request: the site answers, a fault answers for it, or the connection dies. */
type FaultPlan =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'replace'; fault: TransportFaultName; reply: PracticeReply }
  | { kind: 'truncate' };

/**
 * The pages below are OURS, shaped like what proxies and portals commonly send; clients must judge them by
 * status and content type, never by their words. The maintenance paragraph repeats python-api's 503 text.
 */
const MAINTENANCE_PAGE = htmlPage(
  'Flow Production Tracking is down for maintenance',
  'Flow Production Tracking is currently down for maintenance or too busy to reply. Please try again later.',
);
const CAPTIVE_PORTAL_PAGE = htmlPage(
  'Guest Wi-Fi - Sign in to continue',
  'You must accept the terms of use before you can reach the internet. <a href="/login">Sign in</a>',
);
const FORBIDDEN_PAGE = htmlPage('403 Forbidden', 'API access to this site has been blocked by the site administrator.');
const BAD_GATEWAY_PAGE = htmlPage('502 Bad Gateway', 'The proxy server received an invalid response from an upstream server.');
const GATEWAY_TIMEOUT_PAGE = htmlPage('504 Gateway Time-out', 'The upstream server did not answer in time.');

export function planFaults(faults: FaultSwitches): FaultPlan {
  if (faults.reset) return { kind: 'reset' };
  if (faults.redirectTo !== undefined) {
    const page = htmlPage('302 Found', `The document has moved <a href="${escapeHtml(faults.redirectTo)}">here</a>.`);
    return { kind: 'replace', fault: 'redirect', reply: htmlReply(302, page, { Location: faults.redirectTo }) };
  }
  if (faults.maintenance) return { kind: 'replace', fault: 'maintenance', reply: htmlReply(503, MAINTENANCE_PAGE, { 'Retry-After': '120' }) };
  if (faults.badGateway) return { kind: 'replace', fault: 'bad-gateway', reply: htmlReply(502, BAD_GATEWAY_PAGE) };
  if (faults.gatewayTimeout) return { kind: 'replace', fault: 'gateway-timeout', reply: htmlReply(504, GATEWAY_TIMEOUT_PAGE) };
  if (faults.forbiddenHtml) return { kind: 'replace', fault: 'forbidden', reply: htmlReply(403, FORBIDDEN_PAGE) };
  if (faults.html) return { kind: 'replace', fault: 'captive-portal', reply: htmlReply(200, CAPTIVE_PORTAL_PAGE) };
  if (faults.truncate) return { kind: 'truncate' };
  return { kind: 'none' };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
