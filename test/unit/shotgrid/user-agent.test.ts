import { describe, expect, it } from 'vitest';
import { gridpassUserAgent } from '../../../src/shotgrid/user-agent';

describe('gridpassUserAgent', () => {
  it.each([
    ['darwin', 'gridpass/0.1.0 (macOS)'],
    ['win32', 'gridpass/0.1.0 (Windows)'],
    ['linux', 'gridpass/0.1.0 (Linux)'],
    ['freebsd', 'gridpass/0.1.0 (freebsd)'],
  ])('names %s as in %s', (platform, expected) => {
    expect(gridpassUserAgent('0.1.0', platform)).toBe(expected);
  });
});
