// The settings store on real files, as the app and the CLI use it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettingsFile, type AccountHealthValue } from '../../../src/settings/settings-schema';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { minimalSavedAccount } from '../../fixtures/saved-account';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-settings-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const now = () => new Date('2025-03-01T09:00:00.000Z');
const asideName = 'config.json.corrupt-2025-03-01T09-00-00-000Z';
const account = minimalSavedAccount;

describe('settings store', () => {
  it('creates config.json with the defaults in the folder it is given', () => {
    const cwd = tempDir();
    const store = openSettingsStore({ cwd });
    expect(store.path).toBe(path.join(cwd, 'config.json'));
    expect(store.notice).toBeNull();
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))).toEqual(defaultSettingsFile());
  });

  it('writes updates that another opening of the same folder reads back', () => {
    const cwd = tempDir();
    const result = openSettingsStore({ cwd }).update((file) => {
      file.settings.checkIntervalHours = 12;
      file.accounts.push({ ...defaultAccountFields, ...account });
    });
    expect(result.ok).toBe(true);
    const again = openSettingsStore({ cwd }).read();
    expect(again.settings.checkIntervalHours).toBe(12);
    expect(again.accounts.map((entry) => entry.id)).toEqual([account.id]);
  });

  it('leaves the file as it was, byte for byte, when an update changes nothing', () => {
    const cwd = tempDir();
    // Written by hand: no defaults filled in, a field this version does not know.
    const text = JSON.stringify({ schemaVersion: 1, accounts: [{ ...account, fieldOfALaterVersion: 'kept' }] });
    fs.writeFileSync(path.join(cwd, 'config.json'), text);
    const store = openSettingsStore({ cwd });
    const result = store.update((file) => {
      file.accounts[0]!.failedLogins = 0;
    });
    expect(result.ok).toBe(true);
    expect(fs.readFileSync(store.path, 'utf8')).toBe(text);
    expect(fs.readdirSync(cwd)).toEqual(['config.json']);
    store.update((file) => {
      file.accounts[0]!.failedLogins = 1;
    });
    expect(openSettingsStore({ cwd }).read().accounts[0]!.failedLogins).toBe(1);
  });

  it('refuses an update that breaks the schema and leaves the file as it was', () => {
    const store = openSettingsStore({ cwd: tempDir() });
    const before = fs.readFileSync(store.path, 'utf8');
    const result = store.update((file) => {
      file.settings.checkIntervalHours = 0;
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid', message: expect.stringMatching(/checkIntervalHours/) } });
    expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('moves a file that is not JSON aside, starts from defaults and says where the old one is', () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'config.json'), '{"schemaVersion": 1, "accounts": [');
    const store = openSettingsStore({ cwd, now });
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.notice).toMatch(/not valid JSON/);
    expect(store.notice).toContain(path.join(cwd, asideName));
    expect(fs.readFileSync(path.join(cwd, asideName), 'utf8')).toBe('{"schemaVersion": 1, "accounts": [');
  });

  it('moves a file that is not a Gridpass settings object aside the same way', () => {
    const cwd = tempDir();
    const damaged = JSON.stringify({ accounts: [account] });
    fs.writeFileSync(path.join(cwd, 'config.json'), damaged);
    const store = openSettingsStore({ cwd, now });
    expect(store.read().accounts).toEqual([]);
    expect(store.notice).toMatch(/does not match what Gridpass expects \(schemaVersion: not an allowed value\)/);
    expect(store.notice).not.toMatch(/orphans --clean/);
    expect(fs.readFileSync(path.join(cwd, asideName), 'utf8')).toBe(damaged);
    expect(store.heldBack().asideFiles).toEqual([path.join(cwd, asideName)]);
  });

  it('recovers when the file is damaged while open, e.g. by another process', () => {
    const cwd = tempDir();
    const store = openSettingsStore({ cwd, now });
    fs.writeFileSync(store.path, 'not json at all');
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.notice).toMatch(/not valid JSON/);
    expect(fs.readFileSync(path.join(cwd, asideName), 'utf8')).toBe('not json at all');
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))).toEqual(defaultSettingsFile());
  });

  it('does not throw when the folder cannot be written, and says so', () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const store = openSettingsStore({ cwd: path.join(blocker, 'Gridpass') });
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.notice).toMatch(/cannot save settings in .*a-file\/Gridpass \(ENOTDIR/);
    expect(store.update((file) => void (file.settings.notifications = false)).ok).toBe(true);
    expect(store.read().settings.notifications).toBe(false);
  });
});

const defaultAccountFields = {
  displayName: null,
  loginMethod: null,
  lastCheckedAt: null,
  lastCheckReason: null,
  lastHealth: 'unchecked' as AccountHealthValue,
  lastFindingCode: null,
  lastFindingTitle: null,
  failedLogins: 0,
  checksPaused: false,
  hasSavedPat: false,
  sessionConfirmedAt: null,
};

const full = (fields: Partial<typeof defaultAccountFields> & typeof account) => ({ ...defaultAccountFields, ...fields });
const jane = full(account);
const omar = full({ ...account, id: 'studio.example.com:omar', login: 'omar', lastHealth: 'ok' });
/** What a newer Gridpass could write: a health state this version does not know. */
const priya = full({ ...account, id: 'studio.example.com:priya', login: 'priya' });
const priyaFromNewer = { ...priya, lastHealth: 'expired', tokenExpiresAt: '2026-01-01T00:00:00.000Z' };

function writeConfig(cwd: string, data: unknown, prefix = ''): string {
  const text = `${prefix}${JSON.stringify(data, null, 2)}`;
  fs.writeFileSync(path.join(cwd, 'config.json'), text);
  return text;
}

describe('settings store: a file that is partly unreadable keeps what it can', () => {
  it('with one account it cannot read among three, loads and updates the other two and keeps the third as found', () => {
    const cwd = tempDir();
    writeConfig(cwd, { schemaVersion: 1, accounts: [jane, priyaFromNewer, omar] });
    const store = openSettingsStore({ cwd, now });
    expect(store.read().accounts.map((entry) => entry.login)).toEqual(['jane', 'omar']);
    expect(store.notice).toMatch(/could not read one saved account in its settings file: priya on studio\.example\.com \(lastHealth: not an allowed value\)/);
    expect(store.notice).not.toMatch(/orphans --clean/);
    expect(store.heldBack().accounts).toEqual([
      { label: 'priya on studio.example.com', key: { host: 'studio.example.com', login: 'priya' }, issues: ['lastHealth: not an allowed value'] },
    ]);

    const updated = store.update((file) => {
      file.accounts = file.accounts.map((entry) => (entry.login === 'omar' ? { ...entry, lastHealth: 'failing' } : entry));
    });
    expect(updated.ok).toBe(true);
    const written = JSON.parse(fs.readFileSync(store.path, 'utf8')) as { accounts: unknown[] };
    expect(written.accounts).toEqual([jane, { ...omar, lastHealth: 'failing' }, priyaFromNewer]);
    expect(fs.readdirSync(cwd)).toEqual(['config.json']);
    expect(openSettingsStore({ cwd }).read().accounts.map((entry) => `${entry.login}:${entry.lastHealth}`)).toEqual(['jane:unchecked', 'omar:failing']);
  });

  it('drops the unreadable copy once the person saves that login again', () => {
    const cwd = tempDir();
    writeConfig(cwd, { schemaVersion: 1, accounts: [jane, priyaFromNewer] });
    const store = openSettingsStore({ cwd, now });
    expect(store.update((file) => void file.accounts.push(priya)).ok).toBe(true);
    const again = openSettingsStore({ cwd });
    expect(again.read().accounts.map((entry) => entry.login)).toEqual(['jane', 'priya']);
    expect(again.notice).toBeNull();
    expect(again.heldBack().accounts).toEqual([]);
  });

  it('uses the defaults for a preference it cannot read, and keeps the others', () => {
    const cwd = tempDir();
    writeConfig(cwd, { schemaVersion: 1, settings: { checkIntervalHours: 0, notifications: false }, accounts: [jane] });
    const store = openSettingsStore({ cwd });
    expect(store.read().settings).toEqual({ checkIntervalHours: 6, launchAtLogin: false, notifications: false });
    expect(store.read().accounts).toEqual([jane]);
    expect(store.notice).toMatch(/preferences .* defaults are used: checkIntervalHours/);
  });

  it('reads a file a newer Gridpass wrote and leaves it byte for byte as it was, even after changes', () => {
    const cwd = tempDir();
    const text = writeConfig(cwd, { schemaVersion: 2, settings: { checkIntervalHours: 12, theme: 'dark' }, accounts: [jane, priyaFromNewer], devices: [] });
    const store = openSettingsStore({ cwd, now });
    expect(store.read().accounts.map((entry) => entry.login)).toEqual(['jane']);
    expect(store.read().settings.checkIntervalHours).toBe(12);
    expect(store.notice).toMatch(/written by a newer version of Gridpass \(settings version 2\).*changes made now will not be saved until Gridpass is updated/);
    expect(store.changesKeptInMemory).toMatch(/written by a newer version of Gridpass/);
    const updated = store.update((file) => void (file.settings.notifications = false));
    expect(updated.ok).toBe(true);
    expect(store.read().settings.notifications).toBe(false);
    expect(fs.readFileSync(path.join(cwd, 'config.json'), 'utf8')).toBe(text);
    expect(fs.readdirSync(cwd)).toEqual(['config.json']);
  });

  it('keeps its changes in the file, and says none are held in memory, when the file is its own', () => {
    const store = openSettingsStore({ cwd: tempDir(), now });
    expect(store.update((file) => void (file.settings.notifications = false)).ok).toBe(true);
    expect(store.changesKeptInMemory).toBeNull();
  });

  it('accepts a file that starts with a UTF-8 byte order mark', () => {
    const cwd = tempDir();
    writeConfig(cwd, { schemaVersion: 1, accounts: [jane] }, '\uFEFF');
    const store = openSettingsStore({ cwd, now });
    expect(store.notice).toBeNull();
    expect(store.read().accounts).toEqual([jane]);
  });

  it('treats an empty file as a new one', () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'config.json'), '');
    const store = openSettingsStore({ cwd, now });
    expect(store.notice).toBeNull();
    expect(store.update((file) => void file.accounts.push(jane)).ok).toBe(true);
    expect(openSettingsStore({ cwd }).read().accounts).toEqual([jane]);
  });

  it('answers at once when a named pipe (FIFO) stands in place of the file, and leaves it there', () => {
    const cwd = tempDir();
    const fifo = path.join(cwd, 'config.json');
    execFileSync('mkfifo', [fifo]);
    // Were the pipe opened waiting for a writer, this would block the test until it times out.
    const store = openSettingsStore({ cwd, now });
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.notice).toMatch(/cannot use its settings file .*config\.json: it is a named pipe \(FIFO\), not a file/);
    expect(store.update((file) => void file.accounts.push(jane)).ok).toBe(true);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a device in place of the file without reading from it', () => {
    const cwd = tempDir();
    // An endless device: a reader that did not check first would fill memory.
    fs.symlinkSync('/dev/zero', path.join(cwd, 'config.json'));
    const store = openSettingsStore({ cwd, now });
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.notice).toMatch(/cannot use its settings file .*config\.json: it is a device, not a file/);
    expect(store.update((file) => void file.accounts.push(jane)).ok).toBe(true);
    expect(fs.readlinkSync(path.join(cwd, 'config.json'))).toBe('/dev/zero');
  });

  it('says a folder in place of the file is a folder, and leaves it alone', () => {
    const cwd = tempDir();
    fs.mkdirSync(path.join(cwd, 'config.json'));
    fs.writeFileSync(path.join(cwd, 'config.json', 'inside'), 'kept');
    const store = openSettingsStore({ cwd, now });
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.notice).toMatch(/it is a folder, not a file\. .*Move it out of the way/);
    expect(store.update((file) => void file.accounts.push(jane)).ok).toBe(true);
    expect(fs.readFileSync(path.join(cwd, 'config.json', 'inside'), 'utf8')).toBe('kept');
  });

  it('says a file it may not read is a permission problem, not a damaged file, and never replaces it', () => {
    const cwd = tempDir();
    const file = path.join(cwd, 'config.json');
    makeUnreadable(file);
    const store = openSettingsStore({ cwd, now });
    expect(store.notice).toMatch(/cannot use its settings file .*: permission to read it was denied\. .*Give your user permission/);
    expect(store.notice).not.toMatch(/JSON|expects/);
    expect(store.update((draft) => void draft.accounts.push(jane)).ok).toBe(true);
    expect(fs.readdirSync(cwd)).toEqual(['config.json']);
  });

  it('refuses a file far larger than a settings file can be without reading it', () => {
    const cwd = tempDir();
    const file = path.join(cwd, 'config.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 64 * 1024 * 1024);
    const store = openSettingsStore({ cwd, now });
    expect(store.notice).toMatch(/it is larger than 8 MiB/);
    expect(fs.statSync(file).size).toBe(64 * 1024 * 1024);
  });

  it('replaces the file whole: a write leaves no temporary file and a symbolic link keeps pointing at the file', () => {
    const cwd = tempDir();
    const real = path.join(cwd, 'elsewhere.json');
    writeConfig(cwd, { schemaVersion: 1 });
    fs.renameSync(path.join(cwd, 'config.json'), real);
    fs.symlinkSync(real, path.join(cwd, 'config.json'));
    const store = openSettingsStore({ cwd, now });
    expect(store.update((file) => void file.accounts.push(jane)).ok).toBe(true);
    expect(fs.lstatSync(path.join(cwd, 'config.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, 'utf8'))).toMatchObject({ accounts: [jane] });
    expect(fs.readdirSync(cwd).sort()).toEqual(['config.json', 'elsewhere.json']);
  });
});

/**
 * A file this process may not open. Tests often run as root, whom file modes do not stop, so there
 * the path is linked to a kernel file that refuses reads to everyone.
 */
function makeUnreadable(file: string): void {
  if (process.getuid?.() === 0) {
    fs.symlinkSync('/proc/sys/vm/drop_caches', file);
    return;
  }
  fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1 }));
  fs.chmodSync(file, 0o000);
}
