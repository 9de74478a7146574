import { createDiffieHellman, getDiffieHellman, hkdfSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../../fixtures/seeded-random';
import type { DiffieHellman } from 'node:crypto';
import {
  MODP_1024_GENERATOR,
  MODP_1024_PRIME,
  bigIntToBytes,
  bytesToBigInt,
  dhKeyPair,
  dhSharedKey,
  modPow,
} from '../../../../src/vault/secret-service/modp-dh';

const hex = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('hex'));
const p = MODP_1024_PRIME;

/** The AES key as node:crypto derives it from a shared secret already padded to 128 bytes. */
const nodeAesKey = (shared: Uint8Array) => hex(new Uint8Array(hkdfSync('sha256', shared, Buffer.alloc(0), Buffer.alloc(0), 16)));

/** Textbook right-to-left square-and-multiply, a second implementation for modPow to agree with. */
function referenceModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

// node:crypto checks the prime each time it builds a DiffieHellman (about 50 ms), so the tests share
// two: `oracle` takes whatever private key a test sets, `peer` keeps one fixed key pair.
let oracle: DiffieHellman;
let peer: DiffieHellman;

beforeAll(() => {
  const prime = bigIntToBytes(p, 128);
  oracle = createDiffieHellman(prime, 2);
  peer = createDiffieHellman(prime, 2);
  peer.setPrivateKey(Buffer.from(seeded(99).bytes(32)));
  peer.generateKeys();
});

/** base^exponent mod p as node:crypto computes it: a DH secret with `exponent` as the private key. */
function nodeModPow(base: bigint, exponent: Uint8Array): Uint8Array {
  oracle.setPrivateKey(Buffer.from(exponent));
  return new Uint8Array(oracle.computeSecret(Buffer.from(bigIntToBytes(base, 128))));
}

describe('the MODP group', () => {
  it("is node:crypto's modp2 (RFC 2409 Second Oakley Group) with generator 2", () => {
    expect(hex(bigIntToBytes(p, 128))).toBe(getDiffieHellman('modp2').getPrime('hex'));
    expect(getDiffieHellman('modp2').getGenerator('hex')).toBe('02');
    expect(MODP_1024_GENERATOR).toBe(2n);
  });
});

describe('modPow', () => {
  it.each([
    [4n, 13n, 497n, 445n],
    [2n, 10n, 1000n, 24n],
    [5n, 0n, 7n, 1n],
    [0n, 0n, 7n, 1n],
    [0n, 5n, 7n, 0n],
    [9n, 9n, 1n, 0n],
    [-2n, 3n, 7n, 6n],
    [10n, 1n, 7n, 3n],
  ])('%d^%d mod %d is %d', (base, exponent, modulus, expected) => {
    expect(modPow(base, exponent, modulus)).toBe(expected);
  });

  it('satisfies Fermat: a^(p-1) = 1 and a^p = a mod the prime, with a 1024-bit exponent', () => {
    const a = bytesToBigInt(seeded(6).bytes(100));
    expect(modPow(a, p - 1n, p)).toBe(1n);
    expect(modPow(a, p, p)).toBe(a);
  });

  it('agrees with square-and-multiply on 200 random bases, exponents and moduli', () => {
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      const base = bytesToBigInt(random.bytes(random.int(40)));
      const exponent = bytesToBigInt(random.bytes(random.int(40)));
      const modulus = bytesToBigInt(random.bytes(1 + random.int(40))) + 1n;
      expect(modPow(base, exponent, modulus), `case ${i}`).toBe(referenceModPow(base, exponent, modulus));
    }
  });

  it('agrees with node:crypto on 20 random bases and 256-bit exponents mod the prime', () => {
    const random = seeded(8);
    for (let i = 0; i < 20; i++) {
      const base = bytesToBigInt(random.bytes(128)) % (p - 3n) + 2n;
      const exponent = random.bytes(32);
      expect(hex(bigIntToBytes(modPow(base, bytesToBigInt(exponent), p), 128)), `case ${i}`).toBe(hex(nodeModPow(base, exponent)));
    }
  });

  it('refuses a negative exponent or a modulus below 1', () => {
    expect(() => modPow(2n, -1n, 7n)).toThrow(RangeError);
    expect(() => modPow(2n, 1n, 0n)).toThrow(RangeError);
  });
});

describe('bytesToBigInt and bigIntToBytes', () => {
  it('read and write big-endian, left-padded with zeros', () => {
    expect(bytesToBigInt(Uint8Array.of(0x01, 0x02, 0x03))).toBe(0x010203n);
    expect(bytesToBigInt(Uint8Array.of(0, 0, 0xff))).toBe(255n);
    expect(bytesToBigInt(new Uint8Array(0))).toBe(0n);
    expect(hex(bigIntToBytes(0x010203n, 5))).toBe('0000010203');
    expect(hex(bigIntToBytes(0xabcn, 2))).toBe('0abc');
    expect(hex(bigIntToBytes(0n, 2))).toBe('0000');
    expect(bigIntToBytes(0n, 0)).toHaveLength(0);
  });

  it('round-trip 100 random values', () => {
    const random = seeded(9);
    for (let i = 0; i < 100; i++) {
      const bytes = random.bytes(random.int(140));
      expect(hex(bigIntToBytes(bytesToBigInt(bytes), bytes.length)), `case ${i}`).toBe(hex(bytes));
    }
  });

  it('refuse a value that does not fit, a negative value or a bad length', () => {
    expect(() => bigIntToBytes(0x10000n, 2)).toThrow(RangeError);
    expect(() => bigIntToBytes(0x100n, 1)).toThrow(RangeError);
    expect(() => bigIntToBytes(p, 127)).toThrow(RangeError);
    expect(() => bigIntToBytes(-1n, 4)).toThrow(RangeError);
    expect(() => bigIntToBytes(1n, 1.5)).toThrow(RangeError);
    expect(() => bigIntToBytes(1n, -1)).toThrow(RangeError);
  });
});

describe('dhKeyPair', () => {
  it('computes the public key node:crypto computes for the same private key, padded to 128 bytes', () => {
    const random = seeded(10);
    for (let i = 0; i < 20; i++) {
      const secret = random.bytes(32);
      const { privateKey, publicKey } = dhKeyPair(secret);
      expect(privateKey).toBe(bytesToBigInt(secret));
      expect(publicKey).toHaveLength(128);
      oracle.setPrivateKey(Buffer.from(secret));
      const nodePublic = bigIntToBytes(bytesToBigInt(oracle.generateKeys()), 128);
      expect(hex(publicKey), `case ${i}`).toBe(hex(nodePublic));
    }
  });

  it('takes the private key from the first 32 bytes', () => {
    const random = seeded(11).bytes(64);
    expect(dhKeyPair(random).privateKey).toBe(bytesToBigInt(random.subarray(0, 32)));
    expect(hex(dhKeyPair(random).publicKey)).toBe(hex(dhKeyPair(random.subarray(0, 32)).publicKey));
  });

  it('refuses fewer than 32 random bytes, or all zeros', () => {
    expect(() => dhKeyPair(new Uint8Array(31).fill(7))).toThrow(RangeError);
    expect(() => dhKeyPair(new Uint8Array(0))).toThrow(RangeError);
    expect(() => dhKeyPair(new Uint8Array(32))).toThrow(RangeError);
  });
});

describe('dhSharedKey', () => {
  it('derives the AES key node:crypto derives, with either side computing the secret', () => {
    const random = seeded(12);
    const peerPublic = new Uint8Array(peer.getPublicKey());
    for (let i = 0; i < 20; i++) {
      const ours = dhKeyPair(random.bytes(32));
      const shared = new Uint8Array(peer.computeSecret(Buffer.from(ours.publicKey)));
      expect(shared).toHaveLength(128);
      expect(hex(dhSharedKey(ours.privateKey, peerPublic)), `case ${i}`).toBe(nodeAesKey(shared));
    }
  });

  it('pads a shared secret with a leading zero byte to 128 bytes before HKDF', () => {
    const peerPublic = new Uint8Array(peer.getPublicKey());
    // About one private key in 256 gives a secret below 2^1016; count up until one does.
    let secret: Uint8Array = new Uint8Array(32);
    let shared = new Uint8Array(0);
    for (let i = 2; shared[0] !== 0 || shared.length === 0; i++) {
      secret = bigIntToBytes(BigInt(i), 32);
      oracle.setPrivateKey(Buffer.from(secret));
      shared = new Uint8Array(oracle.computeSecret(Buffer.from(peerPublic)));
    }
    expect(shared).toHaveLength(128);
    const { privateKey, publicKey } = dhKeyPair(secret);
    expect(modPow(bytesToBigInt(peerPublic), privateKey, p) < 2n ** 1016n).toBe(true);
    // The daemon, here node:crypto as the peer, derives the same key from our public key.
    expect(hex(new Uint8Array(peer.computeSecret(Buffer.from(publicKey))))).toBe(hex(shared));
    const key = dhSharedKey(privateKey, peerPublic);
    expect(hex(key)).toBe(nodeAesKey(shared));
    // Without the padding the key would differ, so this case does pin it.
    expect(hex(key)).not.toBe(nodeAesKey(shared.subarray(1)));
  });

  it('accepts a peer key sent without its leading zero bytes', () => {
    const ours = dhKeyPair(seeded(13).bytes(32));
    const y = 0x1234n;
    const expected = dhSharedKey(ours.privateKey, bigIntToBytes(y, 128));
    expect(expected).not.toBeNull();
    expect(hex(dhSharedKey(ours.privateKey, bigIntToBytes(y, 2)))).toBe(hex(expected));
    expect(hex(expected)).toBe(nodeAesKey(bigIntToBytes(modPow(y, ours.privateKey, p), 128)));
  });

  it.each([
    ['0', 0n],
    ['1', 1n],
    ['p - 1', p - 1n],
    ['p', p],
    ['p + 1', p + 1n],
    ['2^1024', 2n ** 1024n],
  ])('rejects a peer key of %s with null', (_name, y) => {
    const ours = dhKeyPair(seeded(14).bytes(32));
    expect(dhSharedKey(ours.privateKey, bigIntToBytes(y, y < 2n ** 1024n ? 128 : 129))).toBeNull();
  });

  it('rejects an empty peer key with null', () => {
    expect(dhSharedKey(dhKeyPair(seeded(15).bytes(32)).privateKey, new Uint8Array(0))).toBeNull();
  });

  it('accepts the extremes 2 and p - 2', () => {
    const ours = dhKeyPair(seeded(16).bytes(32));
    for (const y of [2n, p - 2n]) {
      expect(hex(dhSharedKey(ours.privateKey, bigIntToBytes(y, 128)))).toBe(nodeAesKey(nodeModPow(y, bigIntToBytes(ours.privateKey, 32))));
    }
  });
});
