import { describe, expect, it } from 'vitest';
import { MAX_SECRET_BYTES, secretFits } from '../../../src/vault/secret-size';

describe('secret size bound', () => {
  it('allows 4 KiB of UTF-8 on macOS and Linux, counting bytes rather than characters', () => {
    expect(secretFits('a'.repeat(MAX_SECRET_BYTES), 'linux')).toBe(true);
    expect(secretFits('a'.repeat(MAX_SECRET_BYTES + 1), 'darwin')).toBe(false);
    expect(secretFits('é'.repeat(MAX_SECRET_BYTES / 2 + 1), 'linux')).toBe(false);
  });

  it("keeps within Windows' 2,560-byte UTF-16 credential blob", () => {
    expect(secretFits('a'.repeat(1280), 'win32')).toBe(true);
    expect(secretFits('a'.repeat(1281), 'win32')).toBe(false);
  });
});
