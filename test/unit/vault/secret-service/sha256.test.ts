import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../fixtures/seeded-random';
import { hkdfSha256, hmacSha256, sha256 } from '../../../../src/vault/secret-service/sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

const nodeSha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const nodeHmac = (key: Uint8Array, data: Uint8Array) => createHmac('sha256', key).update(data).digest('hex');

describe('sha256', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 example for %j', (message, digest) => {
    expect(hex(sha256(ascii(message)))).toBe(digest);
  });

  it('matches the one-million-"a" vector, whose bit length needs more than one length byte', () => {
    expect(hex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto at every length around the one- and two-block padding boundaries', () => {
    const random = seeded(1);
    for (let length = 0; length <= 130; length++) {
      const data = random.bytes(length);
      expect(hex(sha256(data)), `length ${length}`).toBe(nodeSha256(data));
    }
  });

  it('agrees with node:crypto on 200 random messages of 0 to 300 bytes', () => {
    const random = seeded(2);
    for (let i = 0; i < 200; i++) {
      const data = random.bytes(random.int(300));
      expect(hex(sha256(data)), `case ${i}`).toBe(nodeSha256(data));
    }
  });

  it('leaves its input as it was', () => {
    const data = ascii('abc');
    sha256(data);
    expect(hex(data)).toBe('616263');
  });
});

describe('hmacSha256', () => {
  it('matches RFC 4231 test case 1', () => {
    expect(hex(hmacSha256(new Uint8Array(20).fill(0x0b), ascii('Hi There')))).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
  });

  it('matches RFC 4231 test case 2', () => {
    expect(hex(hmacSha256(ascii('Jefe'), ascii('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('matches RFC 4231 test case 6, whose key is longer than a block and so is hashed first', () => {
    const key = new Uint8Array(131).fill(0xaa);
    expect(hex(hmacSha256(key, ascii('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with node:crypto on 200 random keys and messages, across the 64-byte key boundary', () => {
    const random = seeded(3);
    for (let i = 0; i < 200; i++) {
      const key = random.bytes(random.int(i < 20 ? 70 : 300));
      const data = random.bytes(random.int(300));
      expect(hex(hmacSha256(key, data)), `case ${i}`).toBe(nodeHmac(key, data));
    }
  });
});

describe('hkdfSha256', () => {
  const ikm = new Uint8Array(22).fill(0x0b);

  it('matches RFC 5869 test case 1', () => {
    const okm = hkdfSha256(ikm, fromHex('000102030405060708090a0b0c'), fromHex('f0f1f2f3f4f5f6f7f8f9'), 42);
    expect(hex(okm)).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });

  it('matches RFC 5869 test case 3, with an empty salt and info', () => {
    const okm = hkdfSha256(ikm, new Uint8Array(0), new Uint8Array(0), 42);
    expect(hex(okm)).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  });

  it('treats an empty salt as 32 zero bytes', () => {
    const zeroSalt = hkdfSha256(ikm, new Uint8Array(32), new Uint8Array(0), 16);
    expect(hex(hkdfSha256(ikm, new Uint8Array(0), new Uint8Array(0), 16))).toBe(hex(zeroSalt));
  });

  it('agrees with node:crypto on 200 random inputs and lengths of 1 to 300 bytes', () => {
    const random = seeded(4);
    for (let i = 0; i < 200; i++) {
      const [key, salt, info] = [random.bytes(random.int(300)), random.bytes(random.int(80)), random.bytes(random.int(80))];
      const length = 1 + random.int(299);
      const expected = Buffer.from(hkdfSync('sha256', key, salt, info, length)).toString('hex');
      expect(hex(hkdfSha256(key, salt, info, length)), `case ${i}`).toBe(expected);
    }
  });

  it('yields the RFC maximum of 255 blocks, as node:crypto does', () => {
    const okm = hkdfSha256(ikm, new Uint8Array(0), ascii('info'), 255 * 32);
    expect(hex(okm)).toBe(Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'info', 255 * 32)).toString('hex'));
  });

  it('yields nothing for a length of 0', () => {
    expect(hkdfSha256(ikm, new Uint8Array(0), new Uint8Array(0), 0)).toHaveLength(0);
  });

  it.each([255 * 32 + 1, -1, 1.5, Number.NaN])('refuses a length of %d with a RangeError', (length) => {
    expect(() => hkdfSha256(ikm, new Uint8Array(0), new Uint8Array(0), length)).toThrow(RangeError);
  });
});
