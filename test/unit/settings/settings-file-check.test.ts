import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSettingsData, checkSettingsFile, moveAside } from '../../../src/settings/settings-file-check';
import { recoveryNotice } from '../../../src/settings/settings-notice';
import { minimalSavedAccount } from '../../fixtures/saved-account';
import { plantedSecret } from '../../fixtures/plant-secret';

const dirs: string[] = [];
const tempFile = (text?: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-check-'));
  dirs.push(dir);
  const file = path.join(dir, 'config.json');
  if (text !== undefined) fs.writeFileSync(file, text);
  return file;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('checking the settings file', () => {
  it('treats a missing or empty file as absent', () => {
    expect(checkSettingsFile(tempFile())).toEqual({ state: 'absent' });
    expect(checkSettingsFile(tempFile('  \n'))).toEqual({ state: 'absent' });
  });

  it('finds a file that is not JSON', () => {
    expect(checkSettingsFile(tempFile('{"schemaVersion": 1,'))).toEqual({ state: 'damaged', problem: { kind: 'not-json' } });
  });

  it('says where a problem is without repeating the value found there', () => {
    const planted = plantedSecret('value');
    const state = checkSettingsFile(tempFile(JSON.stringify({ schemaVersion: 1, accounts: [{ ...minimalSavedAccount, lastHealth: planted }] })));
    expect(state).toMatchObject({ state: 'readable', contents: { setAside: [{ issues: ['lastHealth: not an allowed value'] }] } });
    expect(JSON.stringify(state.state === 'readable' ? state.contents.setAside : state)).not.toContain(planted);
  });

  it('checks each account on its own and keeps the ones it cannot read as found', () => {
    const bad = { ...minimalSavedAccount, login: 'omar', id: 'studio.example.com:omar', createdAt: 'last tuesday' };
    const state = checkSettingsData({ schemaVersion: 1, accounts: [minimalSavedAccount, bad] });
    if (state.state !== 'readable') throw new Error(`expected a readable file, got ${state.state}`);
    expect(state.contents.file.accounts.map((entry) => entry.login)).toEqual(['jane']);
    expect(state.contents.keptAccounts).toEqual([bad]);
    expect(state.contents.setAside).toEqual([
      { label: 'omar on studio.example.com', key: { host: 'studio.example.com', login: 'omar' }, issues: ['createdAt: not a valid datetime'] },
    ]);
  });

  it('names an account by its place, with no key, when it does not say which login it is', () => {
    const state = checkSettingsData({ schemaVersion: 1, accounts: [{ id: 'studio.example.com:omar' }, 'junk'] });
    if (state.state !== 'readable') throw new Error(`expected a readable file, got ${state.state}`);
    expect(state.contents.setAside.map(({ label, key }) => ({ label, key }))).toEqual([
      { label: 'account 1', key: null },
      { label: 'account 2', key: null },
    ]);
  });

  it('marks a file from a newer version, and moves aside only what is not a settings object', () => {
    expect(checkSettingsData({ schemaVersion: 3 })).toMatchObject({ state: 'readable', contents: { newerVersion: 3 } });
    expect(checkSettingsData({ schemaVersion: 1 })).toMatchObject({ state: 'readable', contents: { newerVersion: null } });
    for (const data of [[], null, { schemaVersion: 0 }, { schemaVersion: '1' }, { schemaVersion: 1, accounts: {} }]) {
      expect(checkSettingsData(data)).toMatchObject({ state: 'damaged', problem: { kind: 'schema-invalid' } });
    }
  });

  it('moves a damaged file aside next to itself with a timestamp, never over an earlier one', () => {
    const file = tempFile('junk');
    const now = new Date('2025-03-01T09:00:00.123Z');
    const first = moveAside(file, now);
    expect(first).toBe(`${file}.corrupt-2025-03-01T09-00-00-123Z`);
    fs.writeFileSync(file, 'more junk');
    const second = moveAside(file, now);
    expect(second).toBe(`${file}.corrupt-2025-03-01T09-00-00-123Z-2`);
    expect(fs.readFileSync(first, 'utf8')).toBe('junk');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('tells the person what happened, where the old file is, and that the keychain was left alone', () => {
    const notice = recoveryNotice({ kind: 'not-json' }, '/home/jane/.config/Gridpass/config.json.corrupt-x');
    expect(notice).toMatch(/not valid JSON/);
    expect(notice).toContain('/home/jane/.config/Gridpass/config.json.corrupt-x');
    expect(notice).toMatch(/keychain were not touched and are not treated as orphans/);
    expect(notice).not.toMatch(/orphans --clean/);
  });
});
