import { describe, expect, it } from 'vitest';
import { keychainFinding } from '../../../../src/cli/commands/verify-saved-logins';
import type { Vault } from '../../../../src/vault/vault';

describe('keychainFinding', () => {
  it('quotes the keychain in Gridpass\'s words with the raw detail after, as the doctor\'s keychain check does', () => {
    const vault = { backend: 'Secret Service' } as Partial<Vault> as Vault;
    const finding = keychainFinding(
      vault,
      { kind: 'unavailable', message: 'No keychain is available: this session has no D-Bus session bus.', fix: 'Start one.', detail: 'Platform failure: DBus error' },
      { loginMethod: null, site: null, networkStack: 'node', platform: 'linux' },
    );
    expect(finding.code).toBe('GP-KEYCHAIN-UNAVAILABLE');
    expect(finding.explanation).toContain('No keychain is available: this session has no D-Bus session bus. (Platform failure: DBus error)');
  });
});
