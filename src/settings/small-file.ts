/**
 * Reads a small text file Gridpass depends on (its settings file, the studio's managed config)
 * without ever blocking or filling memory on what is found there: the file is opened without
 * waiting (a named pipe opens at once), checked to be a regular file and within its size limit,
 * and only then read, never past the limit. Writes replace the file atomically.
 */
import { type Stats, closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeFolder } from './make-folder';

type SmallFileRead =
  | { kind: 'absent' }
  /** The text, without a UTF-8 byte order mark. */
  | { kind: 'text'; text: string }
  | { kind: 'not-a-file'; what: NotAFile }
  | { kind: 'too-large'; limitBytes: number }
  /** `permission` when the operating system refused access; the code otherwise (EIO, ...). */
  | { kind: 'unreadable'; reason: 'permission' | string };

type NotAFile = 'a folder' | 'a named pipe (FIFO)' | 'a device' | 'a socket' | 'not a regular file';

const BYTE_ORDER_MARK = '\uFEFF';
// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; O_NOCTTY keeps a
// terminal device from becoming the process's controlling terminal. Windows has neither (and no
// FIFOs in the file system), so they are left out there.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export function readSmallFile(filePath: string, limitBytes: number): SmallFileRead {
  let fd: number;
  try {
    fd = openSync(filePath, OPEN_FLAGS);
  } catch (error) {
    return openFailure(error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-a-file', what: notAFile(stat) };
    if (stat.size > limitBytes) return { kind: 'too-large', limitBytes };
    const bytes = readAtMost(fd, limitBytes + 1);
    // The file grew between the check and the read.
    if (bytes.length > limitBytes) return { kind: 'too-large', limitBytes };
    const text = bytes.toString('utf8');
    return { kind: 'text', text: text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text };
  } catch (error) {
    return { kind: 'unreadable', reason: reasonOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** One line saying why a file that is there could not be used, for notices. */
export function describeUnusable(read: Exclude<SmallFileRead, { kind: 'absent' | 'text' }>): string {
  switch (read.kind) {
    case 'not-a-file':
      return `it is ${read.what}, not a file`;
    case 'too-large':
      return `it is larger than ${formatBytes(read.limitBytes)}, far more than it can hold`;
    case 'unreadable':
      return read.reason === 'permission'
        ? 'permission to read it was denied'
        : `it could not be read (${read.reason})`;
  }
}

/**
 * Writes to a temporary file beside the target, flushes it and renames it over the target, so a
 * crash leaves the old file or the new one, never half of one. A symbolic link at the path is
 * followed, so the file it points to is replaced and the link kept.
 */
export function writeFileAtomically(filePath: string, text: string): void {
  const target = resolvedTarget(filePath);
  makeFolder(dirname(target), 0o700);
  const temporary = temporaryBeside(target);
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The process id keeps two live processes apart and the exclusive open ('wx') refuses a name that is
 * taken, so the suffix needs no cryptographic randomness: loading Node's crypto module for it cost
 * a `gridpass session` about 4 ms on Node.js 24, more than the write itself.
 */
function temporaryBeside(target: string): string {
  return `${target}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
}

function resolvedTarget(filePath: string): string {
  try {
    return lstatSync(filePath).isSymbolicLink() ? realpathSync(filePath) : filePath;
  } catch {
    return filePath;
  }
}

function readAtMost(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < maxBytes) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

function openFailure(error: unknown): SmallFileRead {
  const code = errorCode(error);
  // ENOTDIR: a file stands where a folder on the way should be, so there is no file here either.
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
  // Windows refuses to open a folder as a file.
  if (code === 'EISDIR') return { kind: 'not-a-file', what: 'a folder' };
  return { kind: 'unreadable', reason: reasonOf(error) };
}

function notAFile(stat: Stats): NotAFile {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function reasonOf(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  return code ?? 'unknown error';
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
