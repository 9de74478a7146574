/**
 * The check intervals offered, including the settings default (6 hours), so moving away from the
 * default never makes it unreachable. A managed value outside the list is added so it can be shown.
 */
export const intervalChoices = [1, 2, 4, 6, 8, 12, 24, 48, 168];

export function intervalOptions(current: number): number[] {
  return intervalChoices.includes(current) ? intervalChoices : [...intervalChoices, current].sort((a, b) => a - b);
}
