import { describe, expect, it } from 'vitest';
import { loginStatus, shellWord } from '../../../../src/cli/commands/login-status';
import { savedAccountSchema, type SavedAccount } from '../../../../src/settings/settings-schema';

function saved(fields: Partial<SavedAccount> = {}): SavedAccount {
  return savedAccountSchema.parse({
    id: 'a', site: 'https://studio.shotgrid.autodesk.com', host: 'studio.shotgrid.autodesk.com', login: 'jdoe',
    createdAt: '2026-03-02T09:00:00.000Z', lastHealth: 'ok', lastCheckedAt: '2026-03-02T10:00:00.000Z', ...fields,
  });
}

describe('loginStatus', () => {
  it('needs nothing for a login that checked out and has its keychain entry', () => {
    expect(loginStatus(saved(), true)).toMatchObject({ needsYou: false, fix: null, keychainEntry: true });
  });

  it('sends a paused login, a missing entry and a 2FA login to `gridpass login` with the shortest --site', () => {
    const command = 'gridpass login --site studio.shotgrid.autodesk.com --login jdoe';
    expect(loginStatus(saved({ checksPaused: true, lastHealth: 'failing', failedLogins: 1 }), true).fix?.command).toBe(command);
    expect(loginStatus(saved(), false).fix?.command).toBe(command);
    expect(loginStatus(saved({ lastHealth: 'attention', lastFindingCode: 'GP-AUTH-2FA-REQUIRED' }), true).fix?.command).toBe(command);
  });

  it('sends any other failed check to doctor, and keeps the whole origin for a site that is not https', () => {
    const status = loginStatus(saved({ site: 'http://127.0.0.1:8443', host: '127.0.0.1:8443', lastHealth: 'attention', lastFindingCode: 'GP-NET-TIMEOUT' }), true);
    expect(status).toMatchObject({ needsYou: true, fix: { command: 'gridpass doctor --site http://127.0.0.1:8443 --login jdoe' } });
  });

  it('does not call a keychain that could not be listed "missing"', () => {
    expect(loginStatus(saved(), null)).toMatchObject({ keychainEntry: null, needsYou: false });
  });
});

describe('shellWord', () => {
  it('quotes only what a shell would split or expand', () => {
    expect(shellWord('jane.doe@studio.example')).toBe('jane.doe@studio.example');
    expect(shellWord('jane doe')).toBe(`'jane doe'`);
    expect(shellWord(`o'brien`)).toBe(`'o'\\''brien'`);
    expect(shellWord('$HOME')).toBe(`'$HOME'`);
  });
});
