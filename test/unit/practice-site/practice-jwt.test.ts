import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../../src/practice-site/practice-jwt';
import type { TokenClaims } from '../../../src/practice-site/practice-jwt';

const secret = Buffer.from('practice-signing-secret-for-tests');
const claims: TokenClaims = {
  iss: '127.0.0.1:4000', aud: '127.0.0.1:4000', iat: 1000, exp: 1600, jti: 'abc',
  user: { type: 'ApiUser', id: 201 }, sudo_as_login: null, auth_type: 'api_key', session_uuid: null,
};

describe('practice JWT', () => {
  it('signs HS256 with the recorded header and reads back its claims until they expire', () => {
    const token = signToken(claims, secret);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({ alg: 'HS256' });
    expect(verifyToken(token, secret, 1599)).toEqual(claims);
    expect(verifyToken(token, secret, 1600)).toBeNull();
  });

  it('refuses tokens signed by another secret, tampered with, or not JWTs at all', () => {
    const token = signToken(claims, secret);
    expect(verifyToken(token, Buffer.from('another secret'), 1200)).toBeNull();
    const [header, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, user: { type: 'HumanUser', id: 111 } })).toString('base64url');
    expect(verifyToken(`${header}.${forged}.${mac}`, secret, 1200)).toBeNull();
    expect(verifyToken('not-a-jwt', secret, 1200)).toBeNull();
    expect(verifyToken('a.b.c', secret, 1200)).toBeNull();
  });
});
