import { describe, expect, it } from 'vitest';
import { keychainFinding, keychainSelfTestFinding } from '../../../src/diagnosis/keychain-finding';
import { keychainSelfTestResult } from '../../../src/diagnosis/keychain-self-test-result';
import type { FindingContext } from '../../../src/diagnosis/finding-catalogue';
import type { VaultFailure, VaultFailureKind } from '../../../src/vault/vault';

const context: FindingContext = { loginMethod: null, site: null, networkStack: 'node', platform: 'linux' };
const vault = { backend: 'Secret Service' };
const failure = (kind: VaultFailureKind): VaultFailure => ({
  kind,
  message: 'No keychain is available: this session has no D-Bus session bus.',
  fix: 'Start one.',
  detail: 'Platform failure: DBus error',
});

describe('keychainFinding: the one mapping from a keychain failure to a finding', () => {
  it.each([
    ['unavailable', 'GP-KEYCHAIN-UNAVAILABLE'],
    ['locked', 'GP-KEYCHAIN-LOCKED'],
    ['denied', 'GP-KEYCHAIN-DENIED'],
    ['too-large', 'GP-KEYCHAIN-UNAVAILABLE'],
    ['invalid', 'GP-KEYCHAIN-UNAVAILABLE'],
    ['error', 'GP-KEYCHAIN-UNAVAILABLE'],
  ] as const)('%s -> %s', (kind, code) => {
    expect(keychainFinding(vault, failure(kind), context).code).toBe(code);
  });

  it("quotes the keychain in Gridpass's words with the raw detail after, and gives its fix first", () => {
    const finding = keychainFinding(vault, failure('unavailable'), context);
    expect(finding.explanation).toContain('No keychain is available: this session has no D-Bus session bus. (Platform failure: DBus error)');
    expect(finding.steps[0]?.text).toBe('Start one.');
  });

  it("reads the same from the doctor's self-test as from a failed save or read", () => {
    for (const kind of ['unavailable', 'locked', 'denied', 'error'] as const) {
      const result = keychainSelfTestResult({ ok: false, backend: vault.backend, service: 'Gridpass', steps: [], totalMs: 3, failure: failure(kind) });
      if (result.ok) throw new Error('the self-test failed');
      expect(keychainSelfTestFinding(result, context)).toEqual(keychainFinding(vault, failure(kind), context));
    }
  });

  it('names the keychain on a system without a usual one only when the caller knows which it is', () => {
    const elsewhere: FindingContext = { ...context, platform: 'freebsd' };
    const named = keychainFinding({ backend: 'Planted Keyring Backend' }, failure('locked'), elsewhere);
    const unnamed = keychainFinding(null, failure('locked'), elsewhere);
    expect(JSON.stringify(named)).toContain('Planted Keyring Backend');
    expect(JSON.stringify(unnamed)).not.toContain('Planted Keyring Backend');
    expect(unnamed.code).toBe(named.code);
  });
});
