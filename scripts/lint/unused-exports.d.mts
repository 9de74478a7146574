// Types for scripts/lint/unused-exports.mjs, so the TypeScript tests can import it.
export function unusedExports(options?: { root?: string; tsconfig?: string; scope?: string }): string[];
