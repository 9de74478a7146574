import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRegistry } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import { settingsHoldCountFor } from '../../../src/settings/settings-peek';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { memoryVault } from '../../fixtures/memory-vault';

const host = 'mystudio.shotgrid.autodesk.com';
const refusal = decideAfter({ kind: 'failed', failure: { kind: 'auth-rejected', code: 102, serverMessage: 'Can not authenticate user' } });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gridpass-settings-peek-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeSettings = (contents: unknown) => writeFile(path.join(dir, 'config.json'), typeof contents === 'string' ? contents : JSON.stringify(contents));
const savedLogin = (fields: Record<string, unknown> = {}) => ({ host, login: 'ana@studio.example', failedLogins: 0, checksPaused: false, ...fields });

describe('whether the settings file holds a refusal count or a pause for a site', () => {
  it('holds none when there is no file', () => {
    expect(settingsHoldCountFor(dir, host)).toBe(false);
    expect(settingsHoldCountFor(path.join(dir, 'not-made-yet'), host)).toBe(false);
  });

  it('holds none for a saved login of the site with no refusals and checks running, written in full or with defaults left out', async () => {
    await writeSettings({ schemaVersion: 1, accounts: [savedLogin(), { host, login: 'ben' }], authFailures: [] });
    expect(settingsHoldCountFor(dir, host)).toBe(false);
  });

  it("holds none when only other sites' logins have counts", async () => {
    await writeSettings({
      schemaVersion: 1,
      accounts: [savedLogin({ host: 'other.shotgrid.autodesk.com', failedLogins: 3, checksPaused: true })],
      authFailures: [{ host: 'third.example', loginHash: 'a'.repeat(64), count: 1 }],
    });
    expect(settingsHoldCountFor(dir, host)).toBe(false);
  });

  it('holds one for a saved login with refusals counted or its checks paused, or a counted refusal of a typed login', async () => {
    for (const contents of [
      { schemaVersion: 1, accounts: [savedLogin({ failedLogins: 2 })] },
      { schemaVersion: 1, accounts: [savedLogin({ checksPaused: true })] },
      { schemaVersion: 1, accounts: [], authFailures: [{ host, loginHash: 'a'.repeat(64), count: 1 }] },
      { schemaVersion: 1, accounts: [savedLogin({ host: 'MyStudio.shotgrid.autodesk.com', failedLogins: 1 })] },
    ]) {
      await writeSettings(contents);
      expect(settingsHoldCountFor(dir, host), JSON.stringify(contents)).toBe(true);
    }
  });

  it('tells a host with a port from the same name without one', async () => {
    await writeSettings({ schemaVersion: 1, authFailures: [{ host: `${host}:8443`, count: 1 }] });
    expect(settingsHoldCountFor(dir, host)).toBe(false);
    expect(settingsHoldCountFor(dir, `${host}:8443`)).toBe(true);
  });

  it('sees the count the settings store writes, and that a verified login clears it', async () => {
    const registry = createAccountRegistry({ settings: openSettingsStore({ cwd: dir }), vault: memoryVault() });
    expect(settingsHoldCountFor(dir, host)).toBe(false);
    registry.recordAttempt(`https://${host}`, 'ana@studio.example', { decision: refusal, check: null });
    expect(settingsHoldCountFor(dir, host)).toBe(true);
    registry.recordAttempt(`https://${host}`, 'ana@studio.example', { decision: decideAfter({ kind: 'verified' }), check: null });
    expect(settingsHoldCountFor(dir, host)).toBe(false);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1,'],
    ['empty', ''],
    ['not an object', '[]'],
    ['without a schema version', { accounts: [] }],
    ['of an unknown older version', { schemaVersion: 0, accounts: [] }],
    ['with accounts that are not a list', { schemaVersion: 1, accounts: { host } }],
    ['with an entry that is not an object', { schemaVersion: 1, accounts: ['ana'] }],
    ['with an entry without a host', { schemaVersion: 1, authFailures: [{ loginHash: 'a'.repeat(64), count: 3 }] }],
    ['with a count that is not a number', { schemaVersion: 1, accounts: [savedLogin({ failedLogins: '2' })] }],
  ])('may hold one when the file is %s, so the settings store opens it', async (_what, contents) => {
    await writeSettings(contents);
    expect(settingsHoldCountFor(dir, host)).toBe(true);
  });

  it('may hold one when the file cannot be read as a file', async () => {
    await mkdir(path.join(dir, 'config.json'));
    expect(settingsHoldCountFor(dir, host)).toBe(true);
  });
});
