import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims a live site puts in its REST access token (recorded 2026), plus our marker for refresh tokens. */
export interface TokenClaims {
  iss: string;
  aud: string;
  exp: number;
  iat: number;
  jti: string;
  user: { type: 'HumanUser' | 'ApiUser'; id: number };
  sudo_as_login: string | null;
  auth_type: string;
  session_uuid: string | null;
  /** Ours: tells a refresh token from an access token. A live site's refresh-token claims are unrecorded. */
  token_use?: 'refresh';
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256' }));

/** An HS256 JWT, header `{"alg":"HS256"}` as recorded. */
export function signToken(claims: TokenClaims, secret: Buffer): string {
  const payload = base64url(JSON.stringify(claims));
  return `${HEADER}.${payload}.${signature(`${HEADER}.${payload}`, secret)}`;
}

/** The claims of a token this site signed and that has not expired at `nowSeconds`; otherwise `null`. */
export function verifyToken(token: string, secret: Buffer, nowSeconds: number): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, mac] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isClaims(claims) || claims.exp <= nowSeconds) return null;
  return claims;
}

function signature(input: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  const user = claims['user'] as Record<string, unknown> | null | undefined;
  return typeof claims['exp'] === 'number' && typeof user === 'object' && user !== null &&
    (user['type'] === 'HumanUser' || user['type'] === 'ApiUser') && typeof user['id'] === 'number';
}
