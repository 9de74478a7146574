import { describe, expect, it } from 'vitest';
import { redactProxy } from '../../../src/net/redact-proxy';

describe('redactProxy', () => {
  it.each([
    ['http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['http://alice:s3cret@proxy.corp:3128', 'http://proxy.corp:3128'],
    ['http://alice@proxy.corp:3128', 'http://proxy.corp:3128'],
    ['http://alice:p@ss/w@rd@proxy.corp:3128', 'http://proxy.corp:3128'],
    ['alice:s3cret@proxy.corp:3128', 'proxy.corp:3128'],
    ['  https://bob:x@proxy.corp  ', 'https://proxy.corp'],
    ['proxy.corp', 'proxy.corp'],
  ])('%s is reported as %s', (value, expected) => {
    expect(redactProxy(value)).toBe(expected);
  });
});
