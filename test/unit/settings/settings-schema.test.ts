import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  defaultSettingsFile,
  settingsFileSchema,
  settingsJsonSchema,
} from '../../../src/settings/settings-schema';
import { minimalSavedAccount } from '../../fixtures/saved-account';

const account = minimalSavedAccount;

describe('settings file schema', () => {
  it('defaults to a six-hour check, no launch at login, notifications on, and no accounts', () => {
    expect(defaultSettingsFile()).toEqual({
      schemaVersion: 1,
      settings: { checkIntervalHours: 6, launchAtLogin: false, notifications: true },
      accounts: [],
      authFailures: [],
    });
  });

  it('fills fields a file from an older version lacks', () => {
    const parsed = settingsFileSchema.parse({ schemaVersion: 1, settings: { notifications: false }, accounts: [account] });
    expect(parsed.settings).toEqual({ checkIntervalHours: 6, launchAtLogin: false, notifications: false });
    expect(parsed.accounts[0]).toMatchObject({
      displayName: null,
      lastHealth: 'unchecked',
      failedLogins: 0,
      checksPaused: false,
      hasSavedPat: false,
      sessionConfirmedAt: null,
    });
  });

  it.each([
    ['another schema version', { schemaVersion: 2 }],
    ['a check interval of zero', { schemaVersion: 1, settings: { checkIntervalHours: 0 } }],
    ['an account without a login', { schemaVersion: 1, accounts: [{ ...account, login: '' }] }],
    ['a date that is not ISO 8601', { schemaVersion: 1, accounts: [{ ...account, createdAt: 'yesterday' }] }],
    ['a negative failure count', { schemaVersion: 1, accounts: [{ ...account, failedLogins: -1 }] }],
    ['an unknown login method', { schemaVersion: 1, accounts: [{ ...account, loginMethod: 'kerberos' }] }],
  ])('rejects %s', (_name, file) => {
    expect(settingsFileSchema.safeParse(file).success).toBe(false);
  });

  it('has no field for a passphrase, token or key', () => {
    const text = JSON.stringify(settingsJsonSchema()).toLowerCase();
    for (const word of ['passphrase', 'password', 'token', 'secret', '"pat"', 'key"']) expect(text).not.toContain(word);
  });

  it('as JSON Schema, passes ajv strict mode and agrees with zod', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(settingsJsonSchema());
    const samples: unknown[] = [
      defaultSettingsFile(),
      { schemaVersion: 1, accounts: [account] },
      { schemaVersion: 2 },
      { schemaVersion: 1, settings: { checkIntervalHours: 200 } },
      { schemaVersion: 1, accounts: [{ ...account, createdAt: 'yesterday' }] },
      { schemaVersion: 1, authFailures: [{ host: 'a.com', login: 'jo', count: 0, lastFailureAt: account.createdAt }] },
    ];
    for (const sample of samples) {
      expect(validate(structuredClone(sample)), JSON.stringify(sample)).toBe(settingsFileSchema.safeParse(sample).success);
    }
  });
});
