/**
 * The app's log file: one line per event in the user's log folder, rotated by size so it never
 * grows without bound. Every line passes through the redactor before it touches the disk, and line
 * breaks inside a message are escaped so a message cannot forge extra log lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFolder } from '../settings/make-folder';

type LogLevel = 'info' | 'warn' | 'error';

/** A site's error page or a stack can be huge; the start says what happened. */
const MAX_MESSAGE_CHARS = 8_000;

/** The synchronous file operations the log needs; tests pass a failing one to prove writes never throw. */
export interface LogFileSystem {
  mkdirSync(dir: string, options: { mode: number }): unknown;
  statSync(file: string): { size: number };
  appendFileSync(file: string, data: string, options: { mode: number }): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: true }): void;
}

interface LogFileOptions {
  /** `app.getPath('logs')`. */
  dir: string;
  redact: (text: string) => string;
  fileName?: string;
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  now?: () => Date;
  fs?: LogFileSystem;
}

export class LogFile {
  readonly path: string;
  readonly #dir: string;
  readonly #redact: (text: string) => string;
  readonly #maxBytes: number;
  readonly #keep: number;
  readonly #now: () => Date;
  readonly #fs: LogFileSystem;
  #failed = false;

  constructor(options: LogFileOptions) {
    this.#dir = options.dir;
    this.path = path.join(options.dir, options.fileName ?? 'gridpass.log');
    this.#redact = options.redact;
    this.#maxBytes = options.maxBytes ?? 1_000_000;
    this.#keep = options.keep ?? 3;
    this.#now = options.now ?? (() => new Date());
    this.#fs = options.fs ?? fs;
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  /** Never throws: a full disk or a read-only folder must not take the app down with it. */
  write(level: LogLevel, message: string): void {
    const line = `${this.#now().toISOString()} ${level.toUpperCase().padEnd(5)} ${clip(escapeLineBreaks(this.#redact(message)))}\n`;
    try {
      makeFolder(this.#dir, 0o700, this.#fs);
      this.#rotateIfNeeded(Buffer.byteLength(line));
      this.#fs.appendFileSync(this.path, line, { mode: 0o600 });
      this.#failed = false;
    } catch (error) {
      if (!this.#failed) console.error(`Gridpass cannot write its log file (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      this.#failed = true;
    }
  }

  /** gridpass.log -> gridpass.1.log -> ... -> gridpass.<keep>.log, the oldest dropped. */
  #rotateIfNeeded(incoming: number): void {
    let size: number;
    try {
      size = this.#fs.statSync(this.path).size;
    } catch {
      return;
    }
    if (size + incoming <= this.#maxBytes) return;
    this.#fs.rmSync(this.rotatedPath(this.#keep), { force: true });
    for (let index = this.#keep - 1; index >= 1; index--) {
      try {
        this.#fs.renameSync(this.rotatedPath(index), this.rotatedPath(index + 1));
      } catch {
        // That generation does not exist yet.
      }
    }
    if (this.#keep >= 1) this.#fs.renameSync(this.path, this.rotatedPath(1));
    else this.#fs.rmSync(this.path, { force: true });
  }

  rotatedPath(index: number): string {
    const { dir, name, ext } = path.parse(this.path);
    return path.join(dir, `${name}.${index}${ext}`);
  }
}

function escapeLineBreaks(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    // Editors and viewers split lines on these too.
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function clip(text: string): string {
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS)}… (${text.length - MAX_MESSAGE_CHARS} more characters)`;
}
