import type { NetworkFailure } from './network-failure';

/**
 * Turns whatever a fetch rejected with into a NetworkFailure. Two shapes arrive: Node's fetch (undici)
 * wraps the cause in `TypeError('fetch failed')` with a `code` somewhere down the `cause` chain, and
 * Electron's `net.fetch` rejects with Chromium's error name in the message (`net::ERR_…`).
 */
export function classifyFetchError(error: unknown, request: FailedRequest): NetworkFailure {
  const chain = causeChain(error);

  const chromium = chain.map((entry) => /net::(ERR_[A-Z0-9_]+)/.exec(entry.message)?.[1]).find((name) => name !== undefined);
  if (chromium !== undefined) {
    return fromChromium(chromium, request);
  }

  for (const entry of chain) {
    if (entry.code === 'GRIDPASS_PROXY_UNREACHABLE' || /\bproxy\b|tunnel/i.test(entry.message)) {
      return { kind: 'proxy', detail: entry.message };
    }
  }
  for (const entry of chain) {
    const failure = entry.code === null ? null : fromNodeCode(entry.code, entry.message, request);
    if (failure !== null) return failure;
  }
  const innermost = chain[chain.length - 1];
  return { kind: 'network', detail: innermost ? describe(innermost) : 'The request failed for an unknown reason.' };
}

interface FailedRequest {
  /** The host asked for: Chromium's messages do not name it. */
  host: string;
  /** How long the request ran before it failed, reported for timeouts. */
  elapsedMs: number;
}

interface ChainEntry {
  code: string | null;
  message: string;
}

/** Every error in the `cause` chain (and in AggregateError lists), outermost first. */
function causeChain(error: unknown): ChainEntry[] {
  const entries: ChainEntry[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && entries.length < 12) {
    const current = queue.shift();
    if (current === null || current === undefined) continue;
    if (typeof current !== 'object') {
      entries.push({ code: null, message: String(current) });
      continue;
    }
    const record = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    entries.push({
      code: typeof record.code === 'string' && record.code !== '' ? record.code : null,
      message: typeof record.message === 'string' ? record.message : '',
    });
    queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return entries;
}

function describe(entry: ChainEntry): string {
  if (entry.code !== null && entry.message !== '') return `${entry.code}: ${entry.message}`;
  return entry.code ?? (entry.message || 'The request failed for an unknown reason.');
}

const nodeDns = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const nodeReset = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_CLOSED']);
const nodeTimeout = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const nodeUntrusted = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const nodeExpired = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function fromNodeCode(code: string, message: string, { host, elapsedMs }: FailedRequest): NetworkFailure | null {
  const detail = message === '' ? code : `${code}: ${message}`;
  if (nodeDns.has(code)) return { kind: 'dns', host };
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (nodeReset.has(code)) return { kind: 'reset' };
  if (nodeTimeout.has(code)) return { kind: 'timeout', afterMs: elapsedMs };
  if (nodeUntrusted.has(code)) return { kind: 'tls-untrusted', detail };
  if (nodeExpired.has(code)) return { kind: 'tls-expired', detail };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { kind: 'tls-wrong-host', detail };
  if (/^(ERR_SSL_|ERR_TLS_|CERT_|EPROTO$)/.test(code)) return { kind: 'tls-other', detail };
  if (/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN|EHOSTDOWN|EADDRNOTAVAIL)$/.test(code)) return { kind: 'network', detail };
  return null;
}

const chromiumDns = new Set(['ERR_NAME_NOT_RESOLVED', 'ERR_NAME_RESOLUTION_FAILED', 'ERR_DNS_TIMED_OUT']);
const chromiumReset = new Set(['ERR_CONNECTION_RESET', 'ERR_CONNECTION_CLOSED', 'ERR_CONNECTION_ABORTED', 'ERR_EMPTY_RESPONSE', 'ERR_SOCKET_NOT_CONNECTED']);
const chromiumTimeout = new Set(['ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT']);

function fromChromium(name: string, { host, elapsedMs }: FailedRequest): NetworkFailure {
  const detail = `net::${name}`;
  if (chromiumDns.has(name)) return { kind: 'dns', host };
  if (name === 'ERR_CONNECTION_REFUSED') return { kind: 'refused' };
  if (chromiumReset.has(name)) return { kind: 'reset' };
  if (chromiumTimeout.has(name)) return { kind: 'timeout', afterMs: elapsedMs };
  if (name === 'ERR_CERT_AUTHORITY_INVALID') return { kind: 'tls-untrusted', detail };
  if (name === 'ERR_CERT_DATE_INVALID') return { kind: 'tls-expired', detail };
  if (name === 'ERR_CERT_COMMON_NAME_INVALID') return { kind: 'tls-wrong-host', detail };
  if (/^ERR_(PROXY_|TUNNEL_|MANDATORY_PROXY_|PAC_|SOCKS_)/.test(name)) return { kind: 'proxy', detail };
  if (/^ERR_(CERT_|SSL_|BAD_SSL_)/.test(name)) return { kind: 'tls-other', detail };
  return { kind: 'network', detail };
}
