/**
 * Reads one HTTP/1.1 reply from the bytes of a connection, as RFC 9112 frames it: the status line and
 * header section, then a body delimited by Content-Length, by chunked transfer coding, or by the end of
 * the connection. It does no I/O: bytes go in, the head and the body's pieces come out, so every way a
 * server can split, stall or break a reply can be fed to it exactly.
 *
 * Strict where leniency has led clients astray (request smuggling, response splitting): lines end in
 * CRLF, a header name is a token, folded lines and conflicting lengths are refused. Interim replies
 * (100 Continue, 103 Early Hints) are passed over. Everything a server controls is bounded.
 */

/** What a reply's head says: its status, and its fields with lower-case names (repeats joined by ", "). */
export interface ReplyHead {
  readonly status: number;
  readonly fields: ReadonlyMap<string, string>;
}

export type ReplyEvent =
  | { kind: 'head'; head: ReplyHead }
  | { kind: 'body'; bytes: Uint8Array }
  | { kind: 'end' }
  /** The first thing that is not HTTP; nothing is read after it. */
  | { kind: 'not-http'; error: ReplyNotHttpError };

/** The code of the error a reply that is not valid HTTP fails with. */
export const REPLY_NOT_HTTP = 'GRIDPASS_REPLY_NOT_HTTP';

class ReplyNotHttpError extends Error {
  readonly code = REPLY_NOT_HTTP;

  constructor(what: string) {
    super(`The reply is not valid HTTP/1.1: ${what}.`);
    this.name = 'ReplyNotHttpError';
  }
}

/** Well above what real sites send (Node's own limit is 16 KiB), far below what could hurt. */
export const MAX_HEAD_BYTES = 64 * 1024;
const MAX_CHUNK_LINE_BYTES = 1024;
/** 2^48 bytes: no chunk is larger, and the size stays an exact number. */
const MAX_CHUNK_SIZE_DIGITS = 12;

const CRLF = Buffer.from('\r\n');
const END_OF_HEAD = Buffer.from('\r\n\r\n');
const STATUS_LINE_START = Buffer.from('HTTP/1.');
const NO_STATUS_LINE = 'it does not start with an HTTP/1.x status line';
const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: [\t\x20-\x7e\x80-\xff]*)?$/;
/** A field name is a token (RFC 9110), in a reply as in a request. */
export const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]+)[\t ]*(?:;.*)?$/;

type State =
  | { at: 'head' }
  | { at: 'fixed'; left: number }
  | { at: 'chunk-size' }
  | { at: 'chunk-data'; left: number }
  | { at: 'chunk-end' }
  | { at: 'trailers' }
  | { at: 'until-close' }
  | { at: 'done' }
  | { at: 'broken' };

export class Http1ReplyParser {
  #state: State = { at: 'head' };
  #pending: Buffer = Buffer.alloc(0);
  /** Bytes of the trailer section read so far, for the limit. */
  #sectionBytes = 0;
  #sawHead = false;

  /** `requestMethod` decides whether a body can follow (never after HEAD). */
  constructor(private readonly requestMethod: string) {}

  /** Whether the head has arrived (a connection that ends before it is a hang-up, not a cut-off body). */
  get sawHead(): boolean {
    return this.#sawHead;
  }

  /** Feeds the next bytes of the connection; returns what they complete, in order. */
  push(bytes: Uint8Array): ReplyEvent[] {
    if (this.#over()) return [];
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#pending = this.#pending.length === 0 ? view : Buffer.concat([this.#pending, view]);
    const events: ReplyEvent[] = [];
    try {
      while (this.#step(events));
    } catch (error) {
      if (!(error instanceof ReplyNotHttpError)) throw error;
      this.#state = { at: 'broken' };
      this.#pending = Buffer.alloc(0);
      events.push({ kind: 'not-http', error });
    }
    return events;
  }

  /**
   * The connection has ended. Returns the end of a body that runs until then; null when the reply was
   * not complete, which the caller reports as a hang-up (no head yet) or a cut-off body.
   */
  finish(): ReplyEvent[] | null {
    if (this.#over()) return [];
    if (this.#state.at === 'until-close') {
      this.#state = { at: 'done' };
      return [{ kind: 'end' }];
    }
    return null;
  }

  /** Whether the whole reply has been read or refused; bytes after that are not looked at. */
  #over(): boolean {
    return this.#state.at === 'done' || this.#state.at === 'broken';
  }

  /** One step of reading; false when more bytes are needed or the reply is over. */
  #step(events: ReplyEvent[]): boolean {
    const state = this.#state;
    switch (state.at) {
      case 'head':
        return this.#readHead(events);
      case 'fixed':
      case 'chunk-data':
        return this.#readData(state, events);
      case 'chunk-size':
        return this.#readChunkSize();
      case 'chunk-end':
        return this.#readChunkEnd();
      case 'trailers':
        return this.#readTrailers(events);
      case 'until-close':
        if (this.#pending.length > 0) events.push({ kind: 'body', bytes: this.#take(this.#pending.length) });
        return false;
      case 'done':
      case 'broken':
        return false;
    }
  }

  #readHead(events: ReplyEvent[]): boolean {
    // Something else on the port (SSH, TLS, a banner) is told at its first bytes, not after 64 KiB or a timeout.
    const start = this.#pending.subarray(0, STATUS_LINE_START.length);
    if (!start.equals(STATUS_LINE_START.subarray(0, start.length))) throw new ReplyNotHttpError(NO_STATUS_LINE);
    const end = this.#pending.indexOf(END_OF_HEAD);
    if (end === -1) {
      if (this.#pending.length > MAX_HEAD_BYTES) throw new ReplyNotHttpError(`its head is larger than ${MAX_HEAD_BYTES / 1024} KiB`);
      return false;
    }
    if (end + END_OF_HEAD.length > MAX_HEAD_BYTES) throw new ReplyNotHttpError(`its head is larger than ${MAX_HEAD_BYTES / 1024} KiB`);
    const lines = this.#take(end + END_OF_HEAD.length).subarray(0, end).toString('latin1').split('\r\n');
    const status = STATUS_LINE.exec(lines[0] ?? '');
    if (status === null) throw new ReplyNotHttpError(NO_STATUS_LINE);
    const code = Number(status[1]);
    const fields = parseFields(lines.slice(1));
    // An interim reply; the final one follows on the same connection.
    if (code >= 100 && code < 200) {
      if (code === 101) throw new ReplyNotHttpError('the server switched protocols, which was not asked for');
      return true;
    }
    this.#sawHead = true;
    events.push({ kind: 'head', head: { status: code, fields } });
    this.#state = this.#bodyState(code, fields);
    if (this.#state.at === 'done') events.push({ kind: 'end' });
    return true;
  }

  #bodyState(status: number, fields: ReadonlyMap<string, string>): State {
    if (this.requestMethod === 'HEAD' || status === 204 || status === 304) return { at: 'done' };
    const coding = fields.get('transfer-encoding');
    // Transfer-Encoding wins over Content-Length; a reply whose last coding is not chunked runs to the close.
    if (coding !== undefined) {
      const codings = coding.split(',').map((entry) => entry.trim().toLowerCase());
      return codings[codings.length - 1] === 'chunked' ? { at: 'chunk-size' } : { at: 'until-close' };
    }
    const length = fields.get('content-length');
    if (length === undefined) return { at: 'until-close' };
    const left = contentLength(length);
    return left === 0 ? { at: 'done' } : { at: 'fixed', left };
  }

  #readData(state: { at: 'fixed' | 'chunk-data'; left: number }, events: ReplyEvent[]): boolean {
    if (this.#pending.length === 0) return false;
    const bytes = this.#take(Math.min(state.left, this.#pending.length));
    events.push({ kind: 'body', bytes });
    const left = state.left - bytes.length;
    if (left > 0) {
      this.#state = { ...state, left };
      return false;
    }
    if (state.at === 'chunk-data') {
      this.#state = { at: 'chunk-end' };
    } else {
      this.#state = { at: 'done' };
      events.push({ kind: 'end' });
    }
    return true;
  }

  #readChunkSize(): boolean {
    const line = this.#line(MAX_CHUNK_LINE_BYTES, 'a chunk size line');
    if (line === null) return false;
    const size = CHUNK_SIZE.exec(line);
    if (size === null || size[1]!.length > MAX_CHUNK_SIZE_DIGITS) throw new ReplyNotHttpError('a chunk size is not a hexadecimal number');
    const left = Number.parseInt(size[1]!, 16);
    if (left === 0) {
      this.#sectionBytes = 0;
      this.#state = { at: 'trailers' };
    } else {
      this.#state = { at: 'chunk-data', left };
    }
    return true;
  }

  #readChunkEnd(): boolean {
    if (this.#pending.length < CRLF.length) return false;
    if (!this.#take(CRLF.length).equals(CRLF)) throw new ReplyNotHttpError('a chunk does not end where its size says');
    this.#state = { at: 'chunk-size' };
    return true;
  }

  /** The fields after the last chunk are read and dropped: nothing Gridpass reads is sent there. */
  #readTrailers(events: ReplyEvent[]): boolean {
    const line = this.#line(MAX_HEAD_BYTES - this.#sectionBytes, 'the trailer section');
    if (line === null) return false;
    this.#sectionBytes += line.length + CRLF.length;
    if (line === '') {
      this.#state = { at: 'done' };
      events.push({ kind: 'end' });
      return true;
    }
    parseFields([line]);
    return true;
  }

  /** The next CRLF-ended line, or null while it has not all arrived; longer than `limit` is refused. */
  #line(limit: number, what: string): string | null {
    const end = this.#pending.indexOf(CRLF);
    if (end === -1) {
      if (this.#pending.length > limit) throw new ReplyNotHttpError(`${what} is too long`);
      return null;
    }
    if (end > limit) throw new ReplyNotHttpError(`${what} is too long`);
    return this.#take(end + CRLF.length).subarray(0, end).toString('latin1');
  }

  #take(count: number): Buffer {
    const taken = this.#pending.subarray(0, count);
    this.#pending = this.#pending.subarray(count);
    return taken;
  }
}

function parseFields(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) throw new ReplyNotHttpError('a header line is folded');
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon);
    if (!FIELD_NAME.test(name)) throw new ReplyNotHttpError('a header line has no valid name');
    const value = line.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
    if (!FIELD_VALUE.test(value)) throw new ReplyNotHttpError(`the ${name} header holds a control character`);
    const key = name.toLowerCase();
    const before = fields.get(key);
    fields.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return fields;
}

/** Content-Length as a number; repeats of one value (a proxy's doing) are one length, differing ones an error. */
function contentLength(value: string): number {
  const lengths = new Set(value.split(',').map((entry) => entry.trim()));
  const [only] = lengths;
  if (lengths.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) throw new ReplyNotHttpError('its Content-Length is not one number');
  return Number(only);
}
