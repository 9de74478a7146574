import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../fixtures/seeded-random';
import { aes128CbcDecrypt } from '../../../../src/vault/secret-service/aes128-cbc';

const hex = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('hex'));
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

/** node:crypto's AES-128-CBC, PKCS#7-padded unless `pad` is false (then the plaintext is whole blocks). */
function encrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, pad = true): Uint8Array {
  const cipher = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(pad);
  return new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
}

/**
 * The ciphertext followed by the block a PKCS#7 encrypter appends to whole-block plaintext, so the
 * published unpadded vectors pass through the unpadding. node:crypto makes only that last block.
 */
function withPaddingBlock(key: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const last = ciphertext.subarray(ciphertext.length - 16);
  return new Uint8Array([...ciphertext, ...encrypt(key, last, new Uint8Array(16).fill(16), false)]);
}

const key = fromHex('2b7e151628aed2a6abf7158809cf4f3c');
const iv = fromHex('000102030405060708090a0b0c0d0e0f');

describe('aes128CbcDecrypt', () => {
  it('decrypts the NIST SP 800-38A F.2.2 CBC-AES128.Decrypt vectors', () => {
    const ciphertext = fromHex(
      '7649abac8119b246cee98e9b12e9197d' +
        '5086cb9b507219ee95db113a917678b2' +
        '73bed6b8e3c1743b7116e69e22229516' +
        '3ff1caa1681fac09120eca307586e1a7',
    );
    expect(hex(aes128CbcDecrypt(key, iv, withPaddingBlock(key, ciphertext)))).toBe(
      '6bc1bee22e409f96e93d7e117393172a' +
        'ae2d8a571e03ac9c9eb76fac45af8e51' +
        '30c81c46a35ce411e5fbc1191a0a52ef' +
        'f69f2445df4f9b17ad2b417be66c3710',
    );
  });

  it('decrypts the FIPS-197 appendix C.1 AES-128 block (CBC with a zero IV is the bare cipher on block one)', () => {
    const fipsKey = fromHex('000102030405060708090a0b0c0d0e0f');
    const block = fromHex('69c4e0d86a7b0430d8cdb78070b4c55a');
    const plaintext = aes128CbcDecrypt(fipsKey, new Uint8Array(16), withPaddingBlock(fipsKey, block));
    expect(hex(plaintext)).toBe('00112233445566778899aabbccddeeff');
  });

  it('decrypts what node:crypto encrypts, for 100 random keys, IVs and plaintexts', () => {
    const random = seeded(5);
    for (let i = 0; i < 100; i++) {
      const [k, v, plaintext] = [random.bytes(16), random.bytes(16), random.bytes(random.int(100))];
      expect(hex(aes128CbcDecrypt(k, v, encrypt(k, v, plaintext))), `case ${i}`).toBe(hex(plaintext));
    }
  });

  it.each([0, 1, 15, 16, 17, 31, 32])('strips the padding from a %d-byte plaintext', (length) => {
    const plaintext = seeded(length).bytes(length);
    const ciphertext = encrypt(key, iv, plaintext);
    expect(ciphertext).toHaveLength((Math.floor(length / 16) + 1) * 16);
    expect(hex(aes128CbcDecrypt(key, iv, ciphertext))).toBe(hex(plaintext));
  });

  it('leaves its inputs as they were', () => {
    const ciphertext = encrypt(key, iv, fromHex('00112233'));
    const [keyBefore, ivBefore, ciphertextBefore] = [hex(key), hex(iv), hex(ciphertext)];
    aes128CbcDecrypt(key, iv, ciphertext);
    expect([hex(key), hex(iv), hex(ciphertext)]).toEqual([keyBefore, ivBefore, ciphertextBefore]);
  });

  // Whole-block plaintexts encrypted without padding, so the decrypted last block is exactly these bytes.
  it.each([
    ['a pad byte of 0', '00112233445566778899aabbccddee00'],
    ['a pad byte of 17', '00112233445566778899aabbccddee11'],
    ['a pad byte of 255', '00112233445566778899aabbccddeeff'],
    ['pad bytes that differ', '00112233445566778899aabbcc020303'],
    ['a pad of 16 whose first byte differs', '11' + '10'.repeat(15)],
    ['a pad of 5 whose middle byte differs', '00112233445566778899aa0505040505'],
  ])('returns null for %s', (_name, lastBlock) => {
    expect(aes128CbcDecrypt(key, iv, encrypt(key, iv, fromHex(lastBlock), false))).toBeNull();
  });

  it.each([
    ['a pad of 1', '00112233445566778899aabbccddee01', '00112233445566778899aabbccddee'],
    ['a pad of 3', '00112233445566778899aabbcc030303', '00112233445566778899aabbcc'],
    ['a whole block of padding', '10101010101010101010101010101010', ''],
  ])('accepts %s', (_name, lastBlock, message) => {
    expect(hex(aes128CbcDecrypt(key, iv, encrypt(key, iv, fromHex(lastBlock), false)))).toBe(message);
  });

  it('returns null when a flipped ciphertext bit spoils the padding', () => {
    const ciphertext = encrypt(key, iv, fromHex('00112233445566778899'));
    // In CBC, flipping a bit of block n - 1 flips the same bit of plaintext block n: here the last pad byte.
    ciphertext[15]! ^= 0x01;
    expect(aes128CbcDecrypt(key, iv, ciphertext)).toBeNull();
  });

  it.each([
    ['a 15-byte key', new Uint8Array(15), iv, new Uint8Array(16)],
    ['a 17-byte key', new Uint8Array(17), iv, new Uint8Array(16)],
    ['a 32-byte key', new Uint8Array(32), iv, new Uint8Array(16)],
    ['a 15-byte IV', key, new Uint8Array(15), new Uint8Array(16)],
    ['an empty IV', key, new Uint8Array(0), new Uint8Array(16)],
    ['an empty ciphertext', key, iv, new Uint8Array(0)],
    ['a 15-byte ciphertext', key, iv, new Uint8Array(15)],
    ['a 17-byte ciphertext', key, iv, new Uint8Array(17)],
  ])('returns null, without throwing, for %s', (_name, k, v, ciphertext) => {
    expect(aes128CbcDecrypt(k, v, ciphertext)).toBeNull();
  });
});
