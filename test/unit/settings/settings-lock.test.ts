import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireSettingsLock, lockPathFor } from '../../../src/settings/settings-lock';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function settingsPath(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-lock-'));
  folders.push(folder);
  return path.join(folder, 'config.json');
}

/** A pid that belonged to a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('the settings lock', () => {
  it('is a file beside the settings file while held, and gone after release', () => {
    const file = settingsPath();
    const lock = acquireSettingsLock(file);
    expect(lock.kind).toBe('held');
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ pid: process.pid });
    if (lock.kind !== 'busy') lock.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('makes a second writer wait, and says so when the first one never lets go', async () => {
    const file = settingsPath();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: holder.pid, at: Date.now() }));
      const lock = acquireSettingsLock(file, { waitMs: 50 });
      expect(lock).toMatchObject({ kind: 'busy', message: expect.stringContaining('Another Gridpass process kept the settings file locked') });
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const file = settingsPath();
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: await endedPid(), at: Date.now() }));
    const lock = acquireSettingsLock(file, { waitMs: 50 });
    expect(lock.kind).toBe('held');
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock held far longer than any write takes, or that says nothing about its owner', () => {
    const file = settingsPath();
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.ppid, at: Date.now() - 60_000 }));
    expect(acquireSettingsLock(file, { waitMs: 50 }).kind).toBe('held');
    const other = settingsPath();
    fs.writeFileSync(lockPathFor(other), 'not json');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPathFor(other), old, old);
    expect(acquireSettingsLock(other, { waitMs: 50 }).kind).toBe('held');
  });

  it('lets the write go ahead (and fail on its own) where no lock file can be made', () => {
    const missingFolder = path.join(settingsPath(), 'no-such-folder', 'config.json');
    expect(acquireSettingsLock(missingFolder, { waitMs: 50 }).kind).toBe('unavailable');
  });
});
