import { describe, expect, it } from 'vitest';
import { nearestWord } from '../../../src/cli/nearest-word';

const commands = ['site', 'whoami', 'verify', 'doctor', 'accounts', 'practice-site', 'login', 'status'];

describe('nearestWord', () => {
  it.each([
    ['doctr', 'doctor'],
    ['verfiy', 'verify'],
    ['acounts', 'accounts'],
    ['STATUS', 'status'],
    ['practise-site', 'practice-site'],
    ['logn', 'login'],
  ])('suggests %j for %j', (typed, expected) => {
    expect(nearestWord(typed, commands)).toBe(expected);
  });

  it.each(['frobnicate', 'x', 'deploy', 'statistics'])('suggests nothing for %j, which is close to none', (typed) => {
    expect(nearestWord(typed, commands)).toBeNull();
  });

  it('prefers the closer of two candidates', () => {
    expect(nearestWord('sit', ['site', 'sitemap'])).toBe('site');
  });
});
