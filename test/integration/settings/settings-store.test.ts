// The settings store on real files through conf, as the CLI uses it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettingsFile } from '../../../src/settings/settings-schema';
import { openSettingsStore, type SettingsBackendFactory } from '../../../src/settings/settings-store';
import { settingsStoreOptions } from '../../../src/settings/settings-store-options';
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

  it('moves a file that breaks the schema aside the same way', () => {
    const cwd = tempDir();
    const damaged = JSON.stringify({ schemaVersion: 1, accounts: [{ ...account, createdAt: 'last tuesday' }] });
    fs.writeFileSync(path.join(cwd, 'config.json'), damaged);
    const store = openSettingsStore({ cwd, now });
    expect(store.read().accounts).toEqual([]);
    expect(store.notice).toMatch(/does not match what Gridpass expects \(accounts\.0\.createdAt: not a valid datetime\)/);
    expect(fs.readFileSync(path.join(cwd, asideName), 'utf8')).toBe(damaged);
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

  it('keeps a damaged file it cannot move aside untouched, and says so once', () => {
    const cwd = tempDir();
    let writes = 0;
    // A file that turns unreadable after opening and is gone before it can be moved (another process).
    const factory: SettingsBackendFactory = () => ({
      get store(): unknown {
        throw new SyntaxError('Unexpected token');
      },
      set store(_value: unknown) {
        writes += 1;
      },
      path: path.join(cwd, 'config.json'),
    });
    const store = openSettingsStore({ cwd, createBackend: factory, now });
    expect(store.read()).toEqual(defaultSettingsFile());
    const notice = store.notice;
    expect(notice).toMatch(/could not move it aside/);
    expect(store.read()).toEqual(defaultSettingsFile());
    expect(store.update((file) => void (file.settings.notifications = false)).ok).toBe(true);
    expect(store.read().settings.notifications).toBe(false);
    expect(store.notice).toBe(notice);
    expect(writes).toBe(0);
  });

  it('opens through the factory it is given (the app passes electron-store) with the shared options', () => {
    const cwd = tempDir();
    const seen: unknown[] = [];
    const factory: SettingsBackendFactory = (options) => {
      seen.push(options);
      return new Conf(options);
    };
    openSettingsStore({ cwd, createBackend: factory }).read();
    expect(seen).toEqual([settingsStoreOptions(cwd)]);
    expect(settingsStoreOptions(cwd)).toMatchObject({ cwd, configName: 'config', clearInvalidConfig: false });
  });

  it('has conf check writes against the exported JSON Schema too', () => {
    const conf = new Conf(settingsStoreOptions(tempDir()));
    expect(() => conf.set('settings', { checkIntervalHours: 0, launchAtLogin: false, notifications: true })).toThrow(
      /Config schema violation/,
    );
  });
});

const defaultAccountFields = {
  displayName: null,
  loginMethod: null,
  lastCheckedAt: null,
  lastCheckReason: null,
  lastHealth: 'unchecked' as const,
  lastFindingCode: null,
  lastFindingTitle: null,
  failedLogins: 0,
  checksPaused: false,
  hasSavedPat: false,
  sessionConfirmedAt: null,
};
