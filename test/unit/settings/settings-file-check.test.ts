import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSettingsFile, moveAside, recoveryNotice } from '../../../src/settings/settings-file-check';

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

  it('says where a schema problem is without repeating the value found there', () => {
    const planted = 'planted-value-7f3e';
    const state = checkSettingsFile(tempFile(JSON.stringify({ schemaVersion: 1, settings: { launchAtLogin: planted } })));
    expect(state).toMatchObject({ state: 'damaged', problem: { kind: 'schema-invalid' } });
    expect(JSON.stringify(state)).toContain('settings.launchAtLogin: expected boolean');
    expect(JSON.stringify(state)).not.toContain(planted);
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
    expect(notice).toMatch(/keychain were not touched/);
  });
});
