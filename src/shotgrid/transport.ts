import { classifyFetchError } from '../net/classify-fetch-error';
import { REPLY_CUT_OFF } from '../net/direct-fetch';
import type { FetchLike, FetchReply } from '../net/fetch-like';
import type { NetworkFailure } from '../net/network-failure';
import type { HttpFailure } from './failure';

/** What came back over HTTP, before any meaning is read into it. */
export interface HttpReply {
  status: number;
  contentType: string | null;
  location: string | null;
  /** The `Date` header, as sent. */
  date: string | null;
  body: string;
}

type TransportFailure = NetworkFailure | Extract<HttpFailure, { kind: 'too-large' | 'malformed' }>;
export type TransportResult = { ok: true; reply: HttpReply } | { ok: false; failure: TransportFailure };

export interface TransportSettings {
  fetch: FetchLike;
  userAgent: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Cancels the request from outside (the person closed the window). */
  signal?: AbortSignal;
}

/** A request other than an API3 call: the App Session Launcher's form POST and its body-less PUT polls. */
export interface OutgoingRequest {
  method: 'POST' | 'PUT';
  /** `null` sends no Content-Type (a PUT without a body). */
  contentType: string | null;
  body: string | null;
}

/** Sends requests one at a time, each bounded in time and size, and counts them. */
export interface Transport {
  postJson(url: string, body: string): Promise<TransportResult>;
  send(url: string, request: OutgoingRequest): Promise<TransportResult>;
  readonly roundTrips: number;
}

const JSON_POST = 'application/json; charset=utf-8';

export function createTransport(settings: TransportSettings): Transport {
  let roundTrips = 0;
  return {
    get roundTrips() {
      return roundTrips;
    },
    postJson(url, body) {
      roundTrips += 1;
      return send(settings, url, { method: 'POST', contentType: JSON_POST, body });
    },
    send(url, request) {
      roundTrips += 1;
      return send(settings, url, request);
    },
  };
}

const CANCELLED: NetworkFailure = { kind: 'network', detail: 'The check was cancelled.' };

async function send(settings: TransportSettings, url: string, request: OutgoingRequest): Promise<TransportResult> {
  if (settings.signal?.aborted) {
    return { ok: false, failure: CANCELLED };
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const cancel = () => controller.abort();
  settings.signal?.addEventListener('abort', cancel, { once: true });
  const started = Date.now();

  const failed = (error: unknown): TransportResult => {
    if (timedOut) return { ok: false, failure: { kind: 'timeout', afterMs: settings.timeoutMs } };
    if (settings.signal?.aborted) return { ok: false, failure: CANCELLED };
    return { ok: false, failure: classifyFetchError(error, { host: new URL(url).hostname, elapsedMs: Date.now() - started }) };
  };

  try {
    let response: FetchReply;
    try {
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': settings.userAgent };
      if (request.contentType !== null) headers['content-type'] = request.contentType;
      response = await settings.fetch(url, {
        method: request.method,
        headers,
        ...(request.body === null ? {} : { body: request.body }),
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      return failed(error);
    }
    try {
      const text = await readCapped(response, settings.maxResponseBytes);
      if (text === null) {
        return { ok: false, failure: { kind: 'too-large', limitBytes: settings.maxResponseBytes } };
      }
      return { ok: true, reply: toReply(response, text) };
    } catch (error) {
      if (isTruncated(error)) {
        return { ok: false, failure: { kind: 'malformed', detail: 'the reply was cut off before the length the server announced' } };
      }
      // The connection broke while the reply was arriving.
      return failed(error);
    }
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', cancel);
  }
}

/** undici, Chromium and the direct fetch all say so when a body ends short of its Content-Length (or chunked framing). */
function isTruncated(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === REPLY_CUT_OFF) return true;
    if (/ERR_CONTENT_LENGTH_MISMATCH|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(current.message)) return true;
  }
  return false;
}

function toReply(response: FetchReply, body: string): HttpReply {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    location: response.headers.get('location'),
    date: response.headers.get('date'),
    body,
  };
}

/** The body as text, or `null` once it passes `maxBytes`; stops reading there, whatever Content-Length said. */
async function readCapped(response: FetchReply, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (response.body === null) {
    return '';
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(concat(chunks, total));
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
