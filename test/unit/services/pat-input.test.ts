import { describe, expect, it } from 'vitest';
import { parsePatInput } from '../../../src/services/pat-input';

describe('what someone pastes as a Personal Access Token', () => {
  it.each([
    ['a clean token', 'gpPAT0123456789abcdefXYZ', 'gpPAT0123456789abcdefXYZ'],
    ['a token with the newline a copy drags along', '  gpPAT0123456789abcdefXYZ\r\n', 'gpPAT0123456789abcdefXYZ'],
  ])('accepts %s', (_name, input, pat) => {
    expect(parsePatInput(input)).toEqual({ ok: true, pat });
  });

  it.each([
    ['nothing', '   ', /nothing was pasted/],
    ['a web address', 'https://profile.autodesk.com/security', /web address/],
    ['a bare www address', 'www.autodesk.com/profile', /web address/],
    ['two pieces', 'gpPAT0123456789 abcdefXYZ', /spaces or line breaks/],
    ['a fragment', 'abc123', /too short/],
    ['a whole page', 'x'.repeat(600), /too long/],
    ['characters no token has', 'gpPAT0123456789abcdéXYZ', /never has/],
  ])('refuses %s with a plain reason', (_name, input, message) => {
    const result = parsePatInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
