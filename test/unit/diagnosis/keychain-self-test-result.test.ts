import { describe, expect, it } from 'vitest';
import { keychainFailureText, keychainLoadFailure, keychainSelfTestResult } from '../../../src/diagnosis/keychain-self-test-result';
import type { VaultSelfTest } from '../../../src/vault/vault';

const base: VaultSelfTest = { ok: true, backend: 'Secret Service', service: 'Gridpass', steps: [], totalMs: 12.5, failure: null };

describe('keychainSelfTestResult', () => {
  it('passes a working keychain on with its timing', () => {
    expect(keychainSelfTestResult(base)).toEqual({ ok: true, backend: 'Secret Service', durationMs: 12.5 });
  });

  it('keeps the vault\'s words, its fix and the keychain\'s own detail, and names the problem', () => {
    const result = keychainSelfTestResult({
      ...base, ok: false,
      failure: { kind: 'locked', message: 'Your keyring is locked.', fix: 'Unlock it.', detail: 'Prompt dismissed' },
    });
    expect(result).toEqual({ ok: false, backend: 'Secret Service', message: 'Your keyring is locked. (Prompt dismissed)', fix: 'Unlock it.', problem: 'locked' });
  });

  it('leaves failures the check has no code for without a problem, so they read as unavailable', () => {
    const result = keychainSelfTestResult({ ...base, ok: false, failure: { kind: 'error', message: 'Odd.', fix: 'Retry.', detail: null } });
    expect(result).toEqual({ ok: false, backend: 'Secret Service', message: 'Odd.', fix: 'Retry.' });
  });

  it('reports a keychain module that would not load as unavailable, with one line of the reason', () => {
    const result = keychainLoadFailure('Secret Service', new Error('Cannot find module keyring.linux-x64-gnu.node\nRequire stack: ...'));
    expect(result).toMatchObject({ ok: false, problem: 'unavailable', message: 'Gridpass could not load its keychain support (Cannot find module keyring.linux-x64-gnu.node).' });
  });
});

describe('keychainFailureText', () => {
  it('gives Gridpass\'s words first and the keychain\'s own after, or the words alone', () => {
    expect(keychainFailureText({ message: 'No keychain is available.', detail: 'DBus error' })).toBe('No keychain is available. (DBus error)');
    expect(keychainFailureText({ message: 'No keychain is available.', detail: null })).toBe('No keychain is available.');
  });
});
