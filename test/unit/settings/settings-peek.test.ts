import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsMayHoldSite } from '../../../src/settings/settings-peek';
import { openSettingsStore } from '../../../src/settings/settings-store';
import { createAccountRegistry } from '../../../src/accounts/account-registry';
import { decideAfter } from '../../../src/accounts/refusal-policy';
import { memoryVault } from '../../fixtures/memory-vault';

const host = 'mystudio.shotgrid.autodesk.com';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gridpass-settings-peek-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeSettings = (contents: unknown) => writeFile(path.join(dir, 'config.json'), typeof contents === 'string' ? contents : JSON.stringify(contents));

describe('whether the settings file may hold anything for a site', () => {
  it('holds nothing when there is no file', () => {
    expect(settingsMayHoldSite(dir, host)).toBe(false);
    expect(settingsMayHoldSite(path.join(dir, 'not-made-yet'), host)).toBe(false);
  });

  it('holds nothing for a site that only other sites share the file with', async () => {
    await writeSettings({ schemaVersion: 1, accounts: [{ host: 'other.shotgrid.autodesk.com', login: 'ana' }], authFailures: [{ host: 'third.example', loginHash: 'x', count: 1 }] });
    expect(settingsMayHoldSite(dir, host)).toBe(false);
  });

  it('holds the site when a saved login or a counted refusal names it, whatever the case', async () => {
    await writeSettings({ schemaVersion: 1, accounts: [{ host: 'MyStudio.shotgrid.autodesk.com' }] });
    expect(settingsMayHoldSite(dir, host)).toBe(true);
    await writeSettings({ schemaVersion: 1, accounts: [], authFailures: [{ host, count: 1 }] });
    expect(settingsMayHoldSite(dir, host)).toBe(true);
  });

  it('tells a host with a port from the same name without one', async () => {
    await writeSettings({ schemaVersion: 1, accounts: [{ host: `${host}:8443` }] });
    expect(settingsMayHoldSite(dir, host)).toBe(false);
    expect(settingsMayHoldSite(dir, `${host}:8443`)).toBe(true);
  });

  it('sees the counts the settings store writes', async () => {
    const registry = createAccountRegistry({ settings: openSettingsStore({ cwd: dir }), vault: memoryVault() });
    expect(settingsMayHoldSite(dir, host)).toBe(false);
    registry.recordAttempt(`https://${host}`, 'ana@studio.example', { decision: decideAfter({ kind: 'failed', failure: { kind: 'auth-rejected', code: 102, serverMessage: 'Can not authenticate user' } }), check: null });
    expect(settingsMayHoldSite(dir, host)).toBe(true);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1,'],
    ['empty', ''],
    ['not an object', '[]'],
    ['without a schema version', { accounts: [] }],
    ['of an unknown older version', { schemaVersion: 0, accounts: [] }],
    ['with accounts that are not a list', { schemaVersion: 1, accounts: { host } }],
    ['with an entry that is not an object', { schemaVersion: 1, accounts: ['ana'] }],
    ['with an entry without a host', { schemaVersion: 1, authFailures: [{ login: 'ana', count: 3 }] }],
  ])('may hold anything when the file is %s, so the settings store opens it', async (_what, contents) => {
    await writeSettings(contents);
    expect(settingsMayHoldSite(dir, host)).toBe(true);
  });

  it('may hold anything when the file cannot be read as a file', async () => {
    await mkdir(path.join(dir, 'config.json'));
    expect(settingsMayHoldSite(dir, host)).toBe(true);
  });
});
