import { describe, expect, it } from 'vitest';
import { describeInterval, describeWhen } from '../../../../renderer/components/format-time';

describe('describeWhen', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it('says "Never" for a login that was never checked', () => {
    expect(describeWhen(null, now).text).toBe('Never');
  });

  it('says "Just now" for the last few seconds', () => {
    expect(describeWhen('2025-03-01T11:59:40Z', now).text).toBe('Just now');
  });

  it('uses the largest whole unit that fits', () => {
    expect(describeWhen('2025-03-01T11:35:00Z', now).text).toBe('25 minutes ago');
    expect(describeWhen('2025-03-01T09:00:00Z', now).text).toBe('3 hours ago');
    expect(describeWhen('2025-02-28T12:00:00Z', now).text).toBe('yesterday');
  });

  it('keeps an unreadable time as it came, rather than guessing', () => {
    expect(describeWhen('not a time', now)).toEqual({ text: 'Unknown', exact: 'not a time' });
  });
});

describe('describeInterval', () => {
  it.each([
    [1, 'every hour'],
    [4, 'every 4 hours'],
    [24, 'every day'],
    [48, 'every 2 days'],
    [168, 'every week'],
  ])('%i hours reads "%s"', (hours, words) => {
    expect(describeInterval(hours)).toBe(words);
  });
});
