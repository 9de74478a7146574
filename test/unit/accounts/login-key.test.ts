import { describe, expect, it } from 'vitest';
import { loginKey, sameLogin } from '../../../src/accounts/login-key';

describe('the login key', () => {
  it('is the login as ShotGrid tells people apart: blanks dropped, case folded', () => {
    expect(loginKey('  Jane.Doe@Studio.Example ')).toBe('jane.doe@studio.example');
    expect(sameLogin('JANE', 'jane')).toBe(true);
    expect(sameLogin('jane', 'janet')).toBe(false);
  });

  it('treats composed and decomposed accents as one spelling', () => {
    expect(sameLogin('zo\u00e9', 'zoe\u0301')).toBe(true);
  });
});
