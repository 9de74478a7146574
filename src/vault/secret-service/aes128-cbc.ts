/**
 * AES-128 decryption (FIPS-197) in CBC mode with PKCS#7 padding: the cipher of the Secret Service's
 * dh-ietf1024-sha256-aes128-cbc-pkcs7 session, in plain TypeScript so the CLI need not load node:crypto.
 * It decrypts one short secret per run, before V8 has compiled anything, so it is written for few
 * interpreted steps rather than peak speed. Its table look-ups are not constant-time: timing them
 * takes code running on this machine as this user, which can as well ask the Secret Service for the
 * secret itself, since the service answers any of the user's processes; and the key lasts one session.
 */

const BLOCK_BYTES = 16;
const ROUNDS = 10;

/**
 * FIPS-197 Figure 14, the inverse S-box, row by row. A literal rather than built from the GF(2^8)
 * definition at first use: building it took a cold CLI longer than decrypting the secret.
 */
const INVERSE_SBOX = [
  0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb,
  0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb,
  0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
  0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25,
  0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92,
  0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
  0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06,
  0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b,
  0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
  0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e,
  0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b,
  0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
  0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f,
  0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef,
  0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
  0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d,
];

/** InvShiftRows (FIPS-197 5.3.1) as a permutation: byte i of the result is byte INVERSE_SHIFT[i] of the state. */
const INVERSE_SHIFT = [0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3];

interface Boxes {
  sbox: Uint8Array;
  inverseSbox: Uint8Array;
}

let boxes: Boxes | null = null;

/** Made on first use, so a CLI run that never decrypts pays nothing for them. */
function makeBoxes(): Boxes {
  const inverseSbox = new Uint8Array(INVERSE_SBOX);
  // Only the key expansion needs the forward S-box, and it is the inverse's inverse.
  const sbox = new Uint8Array(256);
  for (let a = 0; a < 256; a++) sbox[inverseSbox[a]!] = a;
  return { sbox, inverseSbox };
}

/** Multiplication by x ({02}) in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 4.2.1). */
function xtime(a: number): number {
  return ((a << 1) ^ (a & 0x80 ? 0x1b : 0)) & 0xff;
}

/** The 11 round keys, 176 bytes, of AES-128's key expansion (FIPS-197 5.2, Nk = 4). */
function expandKey(sbox: Uint8Array, key: Uint8Array): Uint8Array {
  const w = new Uint8Array(BLOCK_BYTES * (ROUNDS + 1));
  w.set(key);
  let rcon = 1;
  for (let i = BLOCK_BYTES; i < w.length; i += 4) {
    let t0 = w[i - 4]!, t1 = w[i - 3]!, t2 = w[i - 2]!, t3 = w[i - 1]!;
    if (i % BLOCK_BYTES === 0) {
      // SubWord(RotWord(temp)) xor Rcon.
      const first = t0;
      t0 = sbox[t1]! ^ rcon;
      t1 = sbox[t2]!;
      t2 = sbox[t3]!;
      t3 = sbox[first]!;
      rcon = xtime(rcon);
    }
    w[i] = w[i - 16]! ^ t0;
    w[i + 1] = w[i - 15]! ^ t1;
    w[i + 2] = w[i - 14]! ^ t2;
    w[i + 3] = w[i - 13]! ^ t3;
  }
  return w;
}

/** InvShiftRows, InvSubBytes and AddRoundKey (FIPS-197 5.3.1, 5.3.2, 5.3.4) in one pass over the state. */
function shiftSubAddKey(inverseSbox: Uint8Array, state: Uint8Array, scratch: Uint8Array, roundKey: Uint8Array): void {
  scratch.set(state);
  for (let i = 0; i < BLOCK_BYTES; i++) state[i] = inverseSbox[scratch[INVERSE_SHIFT[i]!]!]! ^ roundKey[i]!;
}

/**
 * InvMixColumns (FIPS-197 5.3.3). Its polynomial {0b}x^3 + {0d}x^2 + {09}x + {0e} is MixColumns'
 * {03}x^3 + {01}x^2 + {01}x + {02} times {04}x^2 + {05}, so it is that multiplication followed by
 * MixColumns: only doublings, where the textbook form needs products by 9, 11, 13 and 14.
 */
function inverseMixColumns(state: Uint8Array): void {
  for (let c = 0; c < BLOCK_BYTES; c += 4) {
    let a0 = state[c]!, a1 = state[c + 1]!, a2 = state[c + 2]!, a3 = state[c + 3]!;
    const u = xtime(xtime(a0 ^ a2));
    const v = xtime(xtime(a1 ^ a3));
    a0 ^= u;
    a1 ^= v;
    a2 ^= u;
    a3 ^= v;
    const all = a0 ^ a1 ^ a2 ^ a3;
    state[c] = a0 ^ all ^ xtime(a0 ^ a1);
    state[c + 1] = a1 ^ all ^ xtime(a1 ^ a2);
    state[c + 2] = a2 ^ all ^ xtime(a2 ^ a3);
    state[c + 3] = a3 ^ all ^ xtime(a3 ^ a0);
  }
}

/** InvCipher (FIPS-197 5.3) on one block, in place. */
function decryptBlock(b: Boxes, roundKeys: Uint8Array, state: Uint8Array, scratch: Uint8Array): void {
  const roundKey = (round: number) => roundKeys.subarray(round * BLOCK_BYTES, (round + 1) * BLOCK_BYTES);
  const last = roundKey(ROUNDS);
  for (let i = 0; i < BLOCK_BYTES; i++) state[i]! ^= last[i]!;
  for (let round = ROUNDS - 1; round > 0; round--) {
    shiftSubAddKey(b.inverseSbox, state, scratch, roundKey(round));
    inverseMixColumns(state);
  }
  shiftSubAddKey(b.inverseSbox, state, scratch, roundKey(0));
}

/** The PKCS#7 pad length of a decrypted message, or null when its last block is not padding. */
function paddingLength(plaintext: Uint8Array): number | null {
  const pad = plaintext[plaintext.length - 1]!;
  if (pad < 1 || pad > BLOCK_BYTES) return null;
  for (let i = plaintext.length - pad; i < plaintext.length; i++) {
    if (plaintext[i] !== pad) return null;
  }
  return pad;
}

/**
 * The plaintext, or null when the key, IV or ciphertext has the wrong size or the padding is wrong:
 * a malformed reply from the daemon is an ordinary failure for the caller to report, not a crash.
 */
export function aes128CbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  if (key.length !== BLOCK_BYTES || iv.length !== BLOCK_BYTES) return null;
  if (ciphertext.length === 0 || ciphertext.length % BLOCK_BYTES !== 0) return null;
  boxes ??= makeBoxes();
  const roundKeys = expandKey(boxes.sbox, key);
  const plaintext = new Uint8Array(ciphertext.length);
  const scratch = new Uint8Array(BLOCK_BYTES);
  for (let offset = 0; offset < ciphertext.length; offset += BLOCK_BYTES) {
    const block = plaintext.subarray(offset, offset + BLOCK_BYTES);
    block.set(ciphertext.subarray(offset, offset + BLOCK_BYTES));
    decryptBlock(boxes, roundKeys, block, scratch);
    const previous = offset === 0 ? iv : ciphertext.subarray(offset - BLOCK_BYTES, offset);
    for (let i = 0; i < BLOCK_BYTES; i++) block[i]! ^= previous[i]!;
  }
  const pad = paddingLength(plaintext);
  const message = pad === null ? null : plaintext.slice(0, plaintext.length - pad);
  // Everything here derives from the session key or is the secret itself: leave no copies behind.
  roundKeys.fill(0);
  scratch.fill(0);
  plaintext.fill(0);
  return message;
}
