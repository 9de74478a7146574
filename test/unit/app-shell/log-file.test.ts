import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogFile } from '../../../src/app-shell/log-file';
import { createRedactor } from '../../../src/redaction/redact';
import type { LogFileSystem } from '../../../src/app-shell/log-file';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridpass-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SECRET = 'correct-horse-battery-staple';
/** Stands in for the diagnosis redactor: replaces every known secret. */
const redactSecret = (text: string) => text.split(SECRET).join('[redacted]');
const fixedTime = () => new Date('2025-03-01T09:00:00.000Z');

describe('LogFile', () => {
  it('writes timestamped lines to gridpass.log in the log folder', () => {
    const dir = path.join(tempDir(), 'logs', 'Gridpass');
    const log = new LogFile({ dir, redact: (s) => s, now: fixedTime });
    log.info('started 0.1.0');
    log.warn('keychain locked');
    expect(log.path).toBe(path.join(dir, 'gridpass.log'));
    expect(readFileSync(log.path, 'utf8')).toBe(
      '2025-03-01T09:00:00.000Z INFO  started 0.1.0\n2025-03-01T09:00:00.000Z WARN  keychain locked\n',
    );
  });

  it('never lets a planted secret reach the file', () => {
    const dir = tempDir();
    const log = new LogFile({ dir, redact: redactSecret, maxBytes: 300, keep: 2 });
    for (let i = 0; i < 20; i++) log.error(`login failed for alex with passphrase ${SECRET} (attempt ${i})`);
    const everything = readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'utf8')).join('');
    expect(everything).toContain('[redacted]');
    expect(everything).not.toContain(SECRET);
  });

  it('keeps secrets out with the redactor the app uses, known or only recognisable by shape', () => {
    const log = new LogFile({ dir: tempDir(), redact: createRedactor([SECRET]) });
    log.warn(`verify failed: {"user_password":"${SECRET}"} via https://alex:${encodeURIComponent(SECRET)}@proxy.example`);
    log.warn('proxy said: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
    expect(text).not.toContain('eyJzdWIiOiJ4In0');
    expect(text).toContain('[redacted]');
  });

  it('escapes line breaks so a message cannot forge another entry', () => {
    const log = new LogFile({ dir: tempDir(), redact: (s) => s, now: fixedTime });
    log.info('site said: ok\n2025-03-01T09:00:00.000Z INFO  all fine\r\u0007');
    const lines = readFileSync(log.path, 'utf8').split('\n');
    expect(lines).toEqual(['2025-03-01T09:00:00.000Z INFO  site said: ok\\n2025-03-01T09:00:00.000Z INFO  all fine\\r\\x07', '']);
  });

  it('escapes the Unicode line breaks that editors and log viewers also split on', () => {
    const log = new LogFile({ dir: tempDir(), redact: (s) => s, now: fixedTime });
    log.info('a\u2028b\u2029c\u0085d');
    expect(readFileSync(log.path, 'utf8')).toBe('2025-03-01T09:00:00.000Z INFO  a\\u2028b\\u2029c\\x85d\n');
  });

  it('cuts an oversized message, so one entry cannot blow the size limit', () => {
    const log = new LogFile({ dir: tempDir(), redact: (s) => s, now: fixedTime, maxBytes: 100_000 });
    log.warn(`site answered: ${'x'.repeat(1_000_000)}`);
    const text = readFileSync(log.path, 'utf8');
    expect(text.length).toBeLessThan(10_000);
    expect(text).toMatch(/… \(\d+ more characters\)\n$/);
  });

  it('rotates by size and keeps only the configured number of old files', () => {
    const dir = tempDir();
    const log = new LogFile({ dir, redact: (s) => s, maxBytes: 200, keep: 2, now: fixedTime });
    for (let i = 0; i < 30; i++) log.info(`event number ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['gridpass.1.log', 'gridpass.2.log', 'gridpass.log']);
    for (const file of readdirSync(dir)) expect(statSync(path.join(dir, file)).size).toBeLessThanOrEqual(200);
    expect(readFileSync(log.path, 'utf8')).toContain('event number 029');
    expect(readFileSync(log.rotatedPath(1), 'utf8')).not.toContain('event number 029');
  });

  it('creates the file readable by the user only', () => {
    const log = new LogFile({ dir: tempDir(), redact: (s) => s });
    log.info('hello');
    if (process.platform !== 'win32') expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('never throws when the disk refuses, and complains once', () => {
    const failing: LogFileSystem = {
      mkdirSync: () => { throw Object.assign(new Error('read-only'), { code: 'EROFS' }); },
      statSync: () => ({ size: 0 }),
      appendFileSync: () => undefined,
      renameSync: () => undefined,
      rmSync: () => undefined,
    };
    const complain = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = new LogFile({ dir: '/nowhere', redact: (s) => s, fs: failing });
    expect(() => { log.info('a'); log.info('b'); }).not.toThrow();
    expect(complain).toHaveBeenCalledTimes(1);
    expect(complain.mock.calls[0]?.[0]).toContain('EROFS');
    complain.mockRestore();
  });
});
