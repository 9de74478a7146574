/** The check intervals offered; a managed value outside the list is added so it can be shown. */
export const intervalChoices = [1, 2, 4, 8, 12, 24, 48, 168];

export function intervalOptions(current: number): number[] {
  return intervalChoices.includes(current) ? intervalChoices : [...intervalChoices, current].sort((a, b) => a - b);
}
