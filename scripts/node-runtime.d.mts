// Types for scripts/node-runtime.mjs, so the bench and the tests can import it.
export const pinnedNodeVersion: string;
export const pinnedForThisMachine: boolean;
export function pinnedNodePath(): string | null;
export function ensureNodeRuntime(log?: (line: string) => void): string | null;
