import type { GridpassApi } from '../src/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (in the app) or the bridge shim (in browser tests). */
    readonly gridpass: GridpassApi;
  }
}

/** The renderer's one way to reach main. */
export function gridpass(): GridpassApi {
  return window.gridpass;
}

/**
 * A call that failed before main produced an answer (invalid request, main not responding).
 * Main's own findings come back as values, so this is for the unexpected only.
 */
export function describeCallError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Gridpass could not finish that (${detail.replace(/^Error invoking remote method '[^']+': /, '')}). Try again; if it keeps happening, run Diagnose.`;
}
