import { describe, expect, it } from 'vitest';
import { usageMessage } from '../../fixtures/cli-io';
import { parseOptions } from '../../../src/cli/parse-options';

const options = { site: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' }, 'key-stdin': { type: 'boolean' } } as const;

describe('parseOptions', () => {
  it.each([
    ['--passphrase', 'hunter2-planted'],
    ['--password', 'hunter2-planted'],
    ['--password=hunter2-planted'],
    ['--pat', 'hunter2-planted'],
    ['--token=hunter2-planted'],
  ])('refuses a secret on the command line (%s) and says how to give it instead', (...args) => {
    const message = usageMessage(() => parseOptions(['--site', 'x', ...args], options));
    expect(message).toMatch(/^There is no --\w+ option, on purpose/);
    expect(message).toContain('visible to other users');
    expect(message).toContain('--passphrase-stdin');
    expect(message).not.toContain('hunter2-planted');
  });

  it('points script keys at --key-stdin', () => {
    for (const flag of ['--script-key', '--key']) {
      const message = usageMessage(() => parseOptions([flag, 'k'], options));
      expect(message).toContain('--key-stdin');
    }
  });

  it('keeps the real stdin options working', () => {
    const { values } = parseOptions(['--passphrase-stdin', '--key-stdin'], options);
    expect(values).toEqual({ 'passphrase-stdin': true, 'key-stdin': true });
  });

  it('leaves arguments after -- alone', () => {
    expect(() => parseOptions(['--', '--passphrase'], options, true)).not.toThrow();
  });

  it('does not repeat a stray argument, which may be a secret typed in the wrong place', () => {
    const message = usageMessage(() => parseOptions(['--site', 'x', 'hunter2-planted'], options));
    expect(message).not.toContain('hunter2-planted');
    expect(message).toContain('no extra arguments');
  });

  it('says when an option is missing its value, in the words used on the command line', () => {
    expect(usageMessage(() => parseOptions(['--site'], options))).toBe('--site needs a value.');
  });

  it('ends an unknown option message the same way whether or not the command takes other words', () => {
    expect(usageMessage(() => parseOptions(['--bogus'], options))).toBe("Unknown option '--bogus'.");
    expect(usageMessage(() => parseOptions(['--bogus'], options, true))).toBe("Unknown option '--bogus'.");
  });
});
