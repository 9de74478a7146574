/**
 * SHA-256 (FIPS 180-4), HMAC-SHA-256 (RFC 2104) and HKDF-SHA-256 (RFC 5869), in plain TypeScript so
 * reading a Secret Service secret does not load node:crypto, which alone costs the CLI 5-7 ms a start.
 * They hash a few hundred bytes once per run, so they are written to be checked, not to be fast.
 */

const BLOCK_BYTES = 64;
const HASH_BYTES = 32;

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 4.2.2). */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The first 32 bits of the fractional parts of the square roots of the first 8 primes (FIPS 180-4 5.3.3). */
const INITIAL_STATE = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// The rotations below are written out, (x >>> n) | (x << 32 - n), rather than called: a cold CLI runs
// this in V8's interpreter, where the calls were a fifth of the time HKDF took.

/** The message schedule W0..W63 of one 64-byte block (FIPS 180-4 6.2.2 step 1). */
function schedule(w: Uint32Array, block: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + t * 4;
    w[t] = (block[i]! << 24) | (block[i + 1]! << 16) | (block[i + 2]! << 8) | block[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const w15 = w[t - 15]!;
    const w2 = w[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3); // σ0
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10); // σ1
    // The Uint32Array store does the mod 2^32 the standard asks for.
    w[t] = w[t - 16]! + s0 + w[t - 7]! + s1;
  }
}

/** One application of the compression function to `state` (FIPS 180-4 6.2.2 steps 2-4). */
function compress(state: Uint32Array, w: Uint32Array): void {
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)); // Σ1
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + s1 + ch + K[t]! + w[t]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)); // Σ0
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + maj) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0;
    d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  state[0]! += a; state[1]! += b; state[2]! += c; state[3]! += d;
  state[4]! += e; state[5]! += f; state[6]! += g; state[7]! += h;
}

/** The message followed by 0x80, zeros and its bit length, to a whole number of blocks (FIPS 180-4 5.1.1). */
function pad(data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.ceil((data.length + 9) / BLOCK_BYTES) * BLOCK_BYTES);
  padded.set(data);
  padded[data.length] = 0x80;
  // Bit lengths past 2^53 cannot occur for an in-memory array, so a double holds it exactly.
  const view = new DataView(padded.buffer);
  const bits = data.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  return padded;
}

export function sha256(data: Uint8Array): Uint8Array {
  const padded = pad(data);
  const state = new Uint32Array(INITIAL_STATE);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += BLOCK_BYTES) {
    schedule(w, padded, offset);
    compress(state, w);
  }
  const digest = new Uint8Array(HASH_BYTES);
  const view = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) view.setUint32(i * 4, state[i]!);
  // The input is often key material (HMAC pads, the DH shared secret): leave no copies of it behind.
  padded.fill(0);
  w.fill(0);
  state.fill(0);
  return digest;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** The key XORed into a block of `byte` (RFC 2104's ipad 0x36 and opad 0x5c). */
function keyPad(block: Uint8Array, byte: number): Uint8Array {
  return block.map((b) => b ^ byte);
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  // Keys longer than a block are hashed first; shorter ones are zero-filled to a block (RFC 2104 section 2).
  const block = new Uint8Array(BLOCK_BYTES);
  block.set(key.length > BLOCK_BYTES ? sha256(key) : key);
  const inner = concat(keyPad(block, 0x36), data);
  const innerHash = sha256(inner);
  const outer = concat(keyPad(block, 0x5c), innerHash);
  const mac = sha256(outer);
  for (const buffer of [block, inner, innerHash, outer]) buffer.fill(0);
  return mac;
}

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 255 * HASH_BYTES) {
    throw new RangeError(`HKDF-SHA-256 yields 0 to ${255 * HASH_BYTES} bytes, not ${length}`);
  }
  // RFC 5869 2.2: a salt not provided is HashLen zeros, which as an HMAC key is the same as an empty one;
  // spelled out so the code reads like the RFC.
  const prk = hmacSha256(salt.length === 0 ? new Uint8Array(HASH_BYTES) : salt, ikm);
  const okm = new Uint8Array(length);
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 1, offset = 0; offset < length; i++, offset += HASH_BYTES) {
    const input = concat(previous, info, Uint8Array.of(i));
    previous.fill(0);
    previous = hmacSha256(prk, input);
    input.fill(0);
    okm.set(previous.subarray(0, Math.min(HASH_BYTES, length - offset)), offset);
  }
  previous.fill(0);
  prk.fill(0);
  return okm;
}
