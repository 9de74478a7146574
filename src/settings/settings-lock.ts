/**
 * One writer at a time for the settings file: the app and any number of `gridpass` commands read,
 * change and write it, and two read-modify-writes that overlap lose one of the changes (a refusal
 * count that is one short is a lockout that comes early). The lock is a file beside the settings
 * file, created exclusively; one left behind by a process that died, or held far longer than any
 * write takes, is taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

interface SettingsLockOptions {
  /** How long to wait for another writer before giving up. */
  waitMs?: number;
  /** A lock older than this is left over from a writer that hung or died. */
  staleMs?: number;
  now?: () => number;
}

type SettingsLock =
  | { kind: 'held'; release(): void }
  /** The folder does not take a lock file (read-only, missing): there is nothing to write over either, so the write goes ahead and fails on its own. */
  | { kind: 'unavailable'; release(): void }
  | { kind: 'busy'; message: string };

const defaults = { waitMs: 5_000, staleMs: 10_000 };
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function lockPathFor(settingsPath: string): string {
  return `${settingsPath}.lock`;
}

/** Waits (blocking, in short naps: writes take milliseconds) until this process holds the lock. */
export function acquireSettingsLock(settingsPath: string, options: SettingsLockOptions = {}): SettingsLock {
  const lockPath = lockPathFor(settingsPath);
  const now = options.now ?? Date.now;
  const waitMs = options.waitMs ?? defaults.waitMs;
  const staleMs = options.staleMs ?? defaults.staleMs;
  const deadline = now() + waitMs;
  for (;;) {
    const created = tryCreate(lockPath, now());
    if (created === 'created') return { kind: 'held', release: () => release(lockPath) };
    if (created === 'unavailable') return { kind: 'unavailable', release: () => undefined };
    if (isStale(lockPath, now(), staleMs)) {
      removeStale(lockPath);
      continue;
    }
    if (now() >= deadline) {
      return { kind: 'busy', message: `Another Gridpass process kept the settings file locked for over ${Math.round(waitMs / 1000)} s (${lockPath}).` };
    }
    Atomics.wait(sleeper, 0, 0, 5 + Math.floor(Math.random() * 10));
  }
}

function tryCreate(lockPath: string, at: number): 'created' | 'exists' | 'unavailable' {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    return codeOf(error) === 'EEXIST' ? 'exists' : 'unavailable';
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, at }));
  } finally {
    closeSync(fd);
  }
  return 'created';
}

function isStale(lockPath: string, now: number, staleMs: number): boolean {
  let owner: { pid?: unknown; at?: unknown };
  try {
    owner = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof owner;
  } catch (error) {
    // Gone already (free to take), or being written this instant (not stale yet).
    return codeOf(error) === 'ENOENT' ? false : olderThan(lockPath, now, staleMs);
  }
  if (typeof owner.pid === 'number' && !isAlive(owner.pid)) return true;
  return typeof owner.at === 'number' ? now - owner.at > staleMs : olderThan(lockPath, now, staleMs);
}

function olderThan(lockPath: string, now: number, staleMs: number): boolean {
  try {
    return now - statSync(lockPath).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

function removeStale(lockPath: string): void {
  try {
    unlinkSync(lockPath);
  } catch {
    // Another process took it over first; the next try sees its lock.
  }
}

function release(lockPath: string): void {
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone (taken over as stale): nothing of ours is left to remove.
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
