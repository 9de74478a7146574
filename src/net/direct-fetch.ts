import type { Socket } from 'node:net';
import type { FetchLike, FetchReply, FetchReplyBody } from './fetch-like';
import { FIELD_NAME, Http1ReplyParser, type ReplyEvent, type ReplyHead } from './http1-reply-parser';
import { VERIFIED_TLS } from './tls-environment';

/** The code of the error a reply body fails with when the connection ended before the reply did. */
export const REPLY_CUT_OFF = 'GRIDPASS_REPLY_CUT_OFF';

/**
 * The CLI's fetch for direct connections: one HTTP/1.1 request on a connection of its own (TCP, or TLS
 * always verified against Node's CA store, which includes NODE_EXTRA_CA_CERTS), `Connection: close`, no
 * redirect followed. A fresh connection per request because a request carrying a passphrase must never
 * be retried on a reused socket: a site that hangs up after a reply without saying so would fail the
 * login on the dead socket, and whether it counted it cannot be known.
 *
 * It speaks HTTP itself (http1-reply-parser.ts) rather than through Node's http module: a command sends
 * one to three requests, and loading and first running that module's client cost a `gridpass session`
 * more time than its one request to the site (about 7 ms against 3 on loopback). Loading a fetch
 * implementation costs more still, and its WebAssembly parser holds the process's exit.
 *
 * Failures reject like Node's fetch does, `TypeError('fetch failed')` with the socket's error (and its
 * code: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED...) as the cause, so one classifier reads both.
 */
export const directFetch: FetchLike = async (url, init) => {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw fetchFailed(new Error(`Cannot fetch a ${target.protocol} address.`));
  }
  init.signal.throwIfAborted();
  const request = requestBytes(target, init.method, init.headers, init.body);
  return exchange(connectTo(target), request, init.method, init.signal);
};

/** Fields the request sets itself, whatever the caller's headers say. */
const OWN_FIELDS = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);
/** Stricter than what a reply may carry: what Gridpass sends is printable ASCII, never a line break. */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;

/** The request's bytes; a header that could split the request (a line break in a value) is refused. */
function requestBytes(target: URL, method: string, headers: Record<string, string>, body: string | undefined): Buffer {
  const payload = body === undefined ? null : Buffer.from(body, 'utf8');
  const fields: [string, string][] = [['host', target.host]];
  for (const [name, value] of Object.entries(headers)) {
    if (!OWN_FIELDS.has(name.toLowerCase())) fields.push([name, value]);
  }
  fields.push(['connection', 'close']);
  if (payload !== null) fields.push(['content-length', String(payload.length)]);
  let head = `${method} ${target.pathname}${target.search} HTTP/1.1\r\n`;
  for (const [name, value] of fields) {
    if (!FIELD_NAME.test(name) || !FIELD_VALUE.test(value)) throw fetchFailed(new Error(`The ${JSON.stringify(name)} header cannot be sent as it is.`));
    head += `${name}: ${value}\r\n`;
  }
  const bytes = Buffer.from(`${head}\r\n`, 'latin1');
  return payload === null ? bytes : Buffer.concat([bytes, payload]);
}

/** Node's net and tls modules are loaded here, on the first request: `--version` and `accounts` load neither. */
function connectTo(target: URL): Socket {
  // The URL keeps an IPv6 address in brackets; a socket wants it bare.
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const net = process.getBuiltinModule('node:net');
  if (target.protocol === 'http:') return net.connect({ host, port: Number(target.port || 80) });
  return process.getBuiltinModule('node:tls').connect({
    host,
    port: Number(target.port || 443),
    // Server Name Indication is for names only (RFC 6066); an address is checked against the certificate as it is.
    ...(net.isIP(host) === 0 ? { servername: host } : {}),
    ALPNProtocols: ['http/1.1'],
    // Set here, so NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment changes nothing.
    ...VERIFIED_TLS,
  });
}

/**
 * Sends the request and resolves at the reply's head; the body then arrives through the reply's reader.
 * An early end of the connection is told apart from a broken one: a socket error (a reset) is passed on
 * as itself, a close before any reply is a hang-up (ECONNRESET, as Node's http says), and a close before
 * the body's announced end is REPLY_CUT_OFF.
 */
function exchange(socket: Socket, request: Buffer, method: string, signal: AbortSignal): Promise<FetchReply> {
  return new Promise<FetchReply>((resolve, reject) => {
    const parser = new Http1ReplyParser(method);
    const body = new ReplyBody(socket);
    let over = false;
    const fail = (cause: unknown) => {
      if (over) return;
      over = true;
      socket.destroy();
      if (parser.sawHead) body.fail(fetchFailed(cause));
      else reject(fetchFailed(cause));
    };
    const deliver = (events: readonly ReplyEvent[]) => {
      for (const event of events) {
        if (event.kind === 'head') resolve(replyOf(event.head, body));
        else if (event.kind === 'body') body.push(event.bytes);
        else if (event.kind === 'not-http') fail(event.error);
        else {
          over = true;
          body.end();
          socket.destroy();
        }
      }
    };
    const abort = () => fail(signal.reason instanceof Error ? signal.reason : new Error('The request was aborted.'));
    signal.addEventListener('abort', abort, { once: true });
    socket.on('data', (chunk: Buffer) => deliver(parser.push(chunk)));
    const endedEarly = () => (parser.sawHead
      ? codedError('The connection closed before the whole reply arrived.', REPLY_CUT_OFF)
      : codedError('The site closed the connection without replying.', 'ECONNRESET'));
    socket.on('end', () => {
      const events = parser.finish();
      if (events !== null) deliver(events);
      else fail(endedEarly());
    });
    socket.on('error', fail);
    socket.on('close', () => {
      signal.removeEventListener('abort', abort);
      fail(endedEarly());
    });
    socket.write(request);
  });
}

function replyOf(head: ReplyHead, body: ReplyBody): FetchReply {
  return {
    status: head.status,
    headers: { get: (name) => head.fields.get(name.toLowerCase()) ?? null },
    body,
  };
}

type ReadResult = { done: true; value?: undefined } | { done: false; value: Uint8Array };

/** The body's pieces as they come, for one reader; past a megabyte unread, the socket waits. */
class ReplyBody implements FetchReplyBody {
  static readonly #HIGH_WATER_BYTES = 1024 * 1024;
  #chunks: Uint8Array[] = [];
  #queuedBytes = 0;
  #ended = false;
  #error: Error | null = null;
  #waiting: { resolve: (result: ReadResult) => void; reject: (error: Error) => void } | null = null;

  constructor(private readonly socket: Socket) {}

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.#waiting !== null) return this.#answer().resolve({ done: false, value: bytes });
    this.#chunks.push(bytes);
    this.#queuedBytes += bytes.length;
    if (this.#queuedBytes > ReplyBody.#HIGH_WATER_BYTES) this.socket.pause();
  }

  end(): void {
    this.#ended = true;
    if (this.#waiting !== null) this.#answer().resolve({ done: true });
  }

  fail(error: Error): void {
    if (this.#ended) return;
    this.#error = error;
    if (this.#waiting !== null) this.#answer().reject(error);
  }

  getReader() {
    return { read: () => this.#read(), cancel: () => this.cancel() };
  }

  async cancel(): Promise<void> {
    this.#ended = true;
    this.#chunks = [];
    this.socket.destroy();
  }

  #read(): Promise<ReadResult> {
    const next = this.#chunks.shift();
    if (next !== undefined) {
      this.#queuedBytes -= next.length;
      if (this.#queuedBytes <= ReplyBody.#HIGH_WATER_BYTES) this.socket.resume();
      return Promise.resolve({ done: false, value: next });
    }
    if (this.#ended) return Promise.resolve({ done: true });
    if (this.#error !== null) return Promise.reject(this.#error);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  #answer() {
    const waiting = this.#waiting!;
    this.#waiting = null;
    return waiting;
  }
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}
