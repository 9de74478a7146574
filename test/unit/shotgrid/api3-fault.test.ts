import { describe, expect, it } from 'vitest';
import { classifyFault } from '../../../src/shotgrid/api3-fault';
import type { FaultContext } from '../../../src/shotgrid/api3-fault';

const cases: Array<[name: string, code: number, message: string, context: FaultContext, expected: object]> = [
  ['a bad password', 102, "Can't authenticate user 'artist'.", {}, { kind: 'auth-rejected', code: 102 }],
  ['the Identity refusal', 110, 'Authentication using username/password is not allowed for an Autodesk Identity enabled site', {}, { kind: 'auth-rejected', code: 110 }],
  ['a locked account', 102, 'Your account has been locked due to too many failed login attempts.', {}, { kind: 'account-locked' }],
  ['a locked account by locked_until', 102, 'User locked_until 2026-01-01', {}, { kind: 'account-locked' }],
  ['an inactive account', 102, 'This account is inactive.', {}, { kind: 'account-inactive', detail: 'This account is inactive.' }],
  ['a disabled account', 110, 'User account disabled', {}, { kind: 'account-inactive' }],
  ['a missing 2FA code', 106, 'Missing argument for 2FA login', {}, { kind: 'two-factor-required' }],
  ['a refused 2FA code', 106, 'Invalid 2FA code', { twoFactorCodeSent: true }, { kind: 'two-factor-rejected' }],
  ['an SSO site', 108, 'Authentication using username/password is not allowed for an SSO-enabled site', {}, { kind: 'sso-only' }],
  ['an expired session', 102, 'Session expired', { sessionToken: true }, { kind: 'session-expired', serverMessage: 'Session expired' }],
  ['a 110 with a session token', 110, 'Not allowed', { sessionToken: true }, { kind: 'auth-rejected', code: 110 }],
  ['a refused sudo', 102, "Cannot 'sudo' - inactive user account: 'artist'", { sudoAsLogin: 'artist' }, { kind: 'sudo-refused', targetLogin: 'artist' }],
  ['a bad script key with sudo asked', 102, "Can't authenticate script 'tool'", { sudoAsLogin: 'artist' }, { kind: 'auth-rejected', code: 102 }],
  ['sudo wording without sudo asked', 102, "Cannot 'sudo'", {}, { kind: 'auth-rejected', code: 102 }],
  ['another fault', 103, 'Bad request', {}, { kind: 'fault', code: 103, serverMessage: 'Bad request' }],
];

describe('classifyFault', () => {
  it.each(cases)('reads %s', (_name, code, message, context, expected) => {
    expect(classifyFault(code, message, context)).toMatchObject(expected);
  });

  it("passes the server's own words on unchanged", () => {
    expect(classifyFault(102, 'Exact words.', {})).toEqual({ kind: 'auth-rejected', code: 102, serverMessage: 'Exact words.' });
  });
});
