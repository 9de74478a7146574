// Types for scripts/lint/src-floors.mjs, so the TypeScript tests can import it.
import type { Rule } from 'eslint';

export const srcFloors: string[][];
export function floorViolation(from: string, to: string): string | null;
export const srcFloorsRule: Rule.RuleModule;
