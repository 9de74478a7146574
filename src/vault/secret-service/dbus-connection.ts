/**
 * A client connection to the D-Bus session bus over its Unix socket, asynchronous from end to end: the
 * authentication, `Hello` and the first calls go out in one write, as sd-bus sends them, so the
 * bus and the service do their part while this process does other work.
 *
 * The socket holds the process open only while a call waits for its reply.
 */
import { createConnection, type Socket } from 'node:net';
import { decodeMessage, encodeMethodCall, messageLength, type IncomingMessage, type MethodCall } from './dbus-message';

export type CallReply = Exclude<IncomingMessage, { type: 'other' }>;

interface Pending {
  resolve: (reply: CallReply) => void;
  reject: (error: Error) => void;
}

const MAX_AUTH_LINE = 512;

export class DBusConnection {
  readonly #socket: Socket;
  readonly #pending = new Map<number, Pending>();
  #serial = 0;
  #authenticated = false;
  #buffered: Buffer = Buffer.alloc(0);
  #failure: Error | null = null;
  /** Settles once the first bytes are out (or the connection failed): from then on the bus works without this process. */
  readonly sent: Promise<void>;

  /** `socketPath` starts with NUL for a Linux abstract socket, as Node names them; each call waits `timeoutMs` for its reply. */
  constructor(socketPath: string, uid: number, private readonly timeoutMs: number) {
    this.#socket = createConnection({ path: socketPath });
    this.#socket.unref();
    this.#socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    this.#socket.on('error', (error) => this.#fail(new Error(`D-Bus connection failed: ${error.message}`)));
    this.#socket.on('close', () => this.#fail(new Error('The D-Bus connection closed.')));
    const credentials = Buffer.from(String(uid), 'latin1').toString('hex');
    this.#socket.write(`\0AUTH EXTERNAL ${credentials}\r\nBEGIN\r\n`, 'latin1');
    // The bus answers nothing else before Hello; its failure is the next call's failure.
    this.call({ destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus', member: 'Hello', signature: '', body: [] })
      .catch(() => undefined);
    // Node sends what was written before the connection was up from its own 'connect' listener, added
    // by the first write above, and the rest before any promise job runs: whoever awaits this finds it all out.
    this.sent = new Promise((resolve) => {
      this.#socket.once('connect', () => resolve());
      this.#socket.once('close', () => resolve());
    });
  }

  /** Resolves the reply, a D-Bus error reply included; rejects when the connection fails or the time runs out. */
  call(message: MethodCall): Promise<CallReply> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const serial = ++this.#serial;
    const reply = new Promise<CallReply>((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(serial)?.reject(new Error(`No reply to ${message.member} within ${this.timeoutMs} ms.`)), this.timeoutMs);
      timer.unref();
      this.#pending.set(serial, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
    this.#socket.ref();
    this.#socket.write(encodeMethodCall(message, serial));
    return reply;
  }

  close(): void {
    this.#fail(new Error('The D-Bus connection was closed.'));
  }

  #receive(chunk: Buffer): void {
    try {
      this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
      if (!this.#authenticated && !this.#readAuthReply()) return;
      this.#readMessages();
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** True once the bus said OK; throws when it refused. */
  #readAuthReply(): boolean {
    const end = this.#buffered.indexOf('\r\n');
    if (end < 0) {
      if (this.#buffered.length > MAX_AUTH_LINE) throw new Error('The D-Bus authentication reply is too long.');
      return false;
    }
    const line = this.#buffered.toString('latin1', 0, end);
    if (!line.startsWith('OK ')) throw new Error(`The D-Bus bus refused the connection (${line.slice(0, 80)}).`);
    this.#authenticated = true;
    this.#buffered = this.#buffered.subarray(end + 2);
    return true;
  }

  #readMessages(): void {
    for (;;) {
      const length = messageLength(this.#buffered);
      if (length === null || this.#buffered.length < length) return;
      const message = decodeMessage(this.#buffered.subarray(0, length));
      this.#buffered = this.#buffered.subarray(length);
      if (message.type !== 'other') this.#settle(message.replySerial)?.resolve(message);
    }
  }

  #settle(serial: number): Pending | undefined {
    const pending = this.#pending.get(serial);
    this.#pending.delete(serial);
    if (this.#pending.size === 0) this.#socket.unref();
    return pending;
  }

  #fail(error: Error): void {
    if (this.#failure !== null) return;
    this.#failure = error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    this.#socket.destroy();
  }
}
