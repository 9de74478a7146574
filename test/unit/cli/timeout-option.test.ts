import { describe, expect, it } from 'vitest';
import { timeoutHelp, timeoutMs } from '../../../src/cli/timeout-option';
import { defaultRequestTimeoutMs } from '../../../src/net/request-timeout';
import { usageMessage } from '../../fixtures/cli-io';

describe('timeoutMs', () => {
  it('defaults to the one request timeout, and converts seconds (fractions too) to milliseconds', () => {
    expect(timeoutMs(undefined)).toBe(defaultRequestTimeoutMs);
    expect(timeoutMs('2')).toBe(2_000);
    expect(timeoutMs('0.5')).toBe(500);
  });

  it.each(['0', '-1', 'abc', '', '601', 'Infinity'])('refuses %j', (value) => {
    expect(usageMessage(() => timeoutMs(value))).toContain('--timeout takes a number of seconds');
  });

  it('documents the default it applies', () => {
    expect(timeoutHelp).toContain(`(default ${defaultRequestTimeoutMs / 1000})`);
  });
});
