import { describe, expect, it } from 'vitest';
import { describeLockEnd } from '../../../src/text/lock-time';

describe('describeLockEnd', () => {
  const now = new Date('2026-03-02T13:23:00Z');

  it('says the local time and the minutes left', () => {
    expect(describeLockEnd('2026-03-02T14:05:00Z', now, 'UTC')).toEqual({ localTime: '14:05', fromNow: 'in 42 minutes' });
    expect(describeLockEnd('2026-03-02T14:05:00Z', now, 'Europe/Berlin')).toEqual({ localTime: '15:05', fromNow: 'in 42 minutes' });
    expect(describeLockEnd('2026-03-02T13:23:30Z', now, 'UTC')).toEqual({ localTime: '13:23', fromNow: 'in 1 minute' });
  });

  it('names the day when the lock ends on another one, and hours when it is long', () => {
    expect(describeLockEnd('2026-03-03T01:00:00Z', now, 'UTC')).toEqual({ localTime: '3 Mar, 01:00', fromNow: 'in 12 hours' });
  });

  it('has nothing to say about a lock that is over or a time that is not one', () => {
    expect(describeLockEnd('2026-03-02T13:00:00Z', now, 'UTC')).toBeNull();
    expect(describeLockEnd('not a time', now, 'UTC')).toBeNull();
  });
});
