import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../../../src/services/expiring-map';

describe('values held in memory for a while', () => {
  it('gives a value back until it expires, then forgets it', () => {
    let now = 0;
    const map = new ExpiringMap<string>(1000, () => now);
    const id = map.put('held');
    now = 999;
    expect(map.get(id)).toBe('held');
    now = 1000;
    expect(map.get(id)).toBeUndefined();
  });

  it('hands a value out once with take()', () => {
    const map = new ExpiringMap<string>(1000, () => 0);
    const id = map.put('single use');
    expect(map.take(id)).toBe('single use');
    expect(map.take(id)).toBeUndefined();
  });

  it('uses unguessable ids unless one is given', () => {
    const map = new ExpiringMap<string>(1000, () => 0);
    expect(map.put('a')).toMatch(/^[0-9a-f-]{36}$/);
    expect(map.put('b', 'https://site')).toBe('https://site');
    expect(map.get('https://site')).toBe('b');
  });
});
