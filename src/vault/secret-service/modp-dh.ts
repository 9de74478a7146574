/**
 * Diffie-Hellman in the 1024-bit MODP group, the key agreement of the Secret Service's
 * dh-ietf1024-sha256-aes128-cbc-pkcs7 session, on bigints so the CLI need not load node:crypto.
 * bigint arithmetic is not constant-time; the exchange is with the local keyring daemon over the
 * user's session bus, for a session that ends with the connection, and what it hides from a bus
 * monitor (the secret in transfer) any process of the user's can ask the service for anyway.
 */
import { hkdfSha256 } from './sha256';

/** RFC 2409 section 6.2, the "Second Oakley Group", written as the RFC prints it. */
export const MODP_1024_PRIME = BigInt(
  '0x' +
    [
      'FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1',
      '29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD',
      'EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245',
      'E485B576 625E7EC6 F44C42E9 A637ED6B 0BFF5CB6 F406B7ED',
      'EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE65381',
      'FFFFFFFF FFFFFFFF',
    ]
      .join('')
      .replaceAll(' ', ''),
);

export const MODP_1024_GENERATOR = 2n;

/** The length of the prime, and so of every public key and shared secret, in bytes. */
const MODP_1024_BYTES = 128;

/**
 * 256 bits: the square-root attacks on a k-bit exponent take 2^(k/2) steps, so this is well above the
 * ~80-bit strength of a 1024-bit group, and is the usual exponent size for it.
 */
const PRIVATE_KEY_BYTES = 32;

/**
 * Left-to-right square-and-multiply. A 4-bit fixed window measured no faster over the CLI's two cold
 * calls: it gains a little with the peer's key as the base and loses a little with base 2, whose
 * multiplications are nearly free; the 1024-bit reductions cost the most either way.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus < 1n) throw new RangeError('modPow needs a positive modulus');
  if (exponent < 0n) throw new RangeError('modPow needs a non-negative exponent');
  const b = ((base % modulus) + modulus) % modulus;
  const bits = exponent.toString(2);
  let result = 1n % modulus;
  for (let i = 0; i < bits.length; i++) {
    result = (result * result) % modulus;
    if (bits[i] === '1') result = (result * b) % modulus;
  }
  return result;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '0x0';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return BigInt(hex);
}

export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError('bigIntToBytes takes a non-negative value');
  // Zero needs no bytes at all, though toString(16) gives it a digit.
  const hex = value === 0n ? '' : value.toString(16);
  const needed = Math.ceil(hex.length / 2);
  if (!Number.isInteger(length) || length < 0 || needed > length) {
    throw new RangeError(`a ${needed}-byte value does not fit in ${length} bytes`);
  }
  const padded = hex.padStart(length * 2, '0');
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

interface DhKeyPair {
  privateKey: bigint;
  /** g^x mod p, big-endian, left-padded to the prime's 128 bytes. */
  publicKey: Uint8Array;
}

/**
 * A key pair whose private exponent is the first 32 of `randomBytes`, which the caller draws from
 * the system's random source (this module has none of its own, to keep node:crypto unloaded).
 */
export function dhKeyPair(randomBytes: Uint8Array): DhKeyPair {
  if (randomBytes.length < PRIVATE_KEY_BYTES) {
    throw new RangeError(`a DH private key needs ${PRIVATE_KEY_BYTES} random bytes, not ${randomBytes.length}`);
  }
  const privateKey = bytesToBigInt(randomBytes.subarray(0, PRIVATE_KEY_BYTES));
  // An exponent of 0 or 1 would publish 1 or g; random bytes that yield one come from a broken source.
  if (privateKey < 2n) throw new RangeError('the random bytes for a DH private key are all zero');
  const publicKey = bigIntToBytes(modPow(MODP_1024_GENERATOR, privateKey, MODP_1024_PRIME), MODP_1024_BYTES);
  return { privateKey, publicKey };
}

/**
 * The session's 16-byte AES key, or null when the peer's public key is outside 1 < y < p - 1: the
 * values 0, 1 and p - 1 (and anything not reduced mod p) would pin the shared secret to a value an
 * observer can guess.
 */
export function dhSharedKey(privateKey: bigint, peerPublicKey: Uint8Array): Uint8Array | null {
  const y = bytesToBigInt(peerPublicKey);
  if (y <= 1n || y >= MODP_1024_PRIME - 1n) return null;
  // Padded to the prime's length before HKDF, as libsecret and SecretStorage do: dropping a leading
  // zero byte would derive a different key about once in 256 sessions.
  const shared = bigIntToBytes(modPow(y, privateKey, MODP_1024_PRIME), MODP_1024_BYTES);
  const key = hkdfSha256(shared, new Uint8Array(0), new Uint8Array(0), 16);
  // The bigint it came from cannot be wiped; the byte copy can.
  shared.fill(0);
  return key;
}
