/** One printed line per figure: what, the value, and what it is measured against. */
export type Report = (name: string, value: string, versus: string) => void;

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const mib = (value: number): string => `${value.toFixed(1)} MiB`;
export const ratio = (value: number, baseline: number): string => `${(value / baseline).toFixed(2)}x`;

export function printReport(name: string, value: string, versus: string): void {
  console.log(`${name.padEnd(56)} ${value.padStart(12)}   ${versus}`);
}
