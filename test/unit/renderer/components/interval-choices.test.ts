import { describe, expect, it } from 'vitest';
import { intervalChoices, intervalOptions } from '../../../../renderer/components/interval-choices';
import { appSettingsSchema } from '../../../../src/settings/settings-schema';

describe('interval choices', () => {
  it('offers the default interval, so someone who changes it can choose it again', () => {
    const { checkIntervalHours } = appSettingsSchema.parse({});
    expect(intervalChoices).toContain(checkIntervalHours);
    expect(intervalOptions(checkIntervalHours)).toEqual(intervalChoices);
  });

  it('shows a studio-managed interval that is not in the list, in order', () => {
    expect(intervalOptions(3)).toEqual([1, 2, 3, 4, 6, 8, 12, 24, 48, 168]);
  });

  it('offers the choices shortest first, within what the settings accept', () => {
    expect([...intervalChoices].sort((a, b) => a - b)).toEqual(intervalChoices);
    expect(intervalChoices[0]).toBeGreaterThanOrEqual(1);
    expect(intervalChoices.at(-1)).toBeLessThanOrEqual(168);
  });
});
