/**
 * The only caller of shell.openExternal (checklist 15). Everything that wants a page opened in the
 * browser comes here; the policy decides, and refusals are logged and dropped.
 */
import type { ExternalLinkPolicy } from '../src/app-shell/external-link-policy';

export type OpenResult = { ok: true } | { ok: false; message: string };

export function createSafeOpenExternal(deps: {
  policy: Pick<ExternalLinkPolicy, 'check'>;
  openExternal: (url: string) => Promise<void>;
  log: (message: string) => void;
}): (url: unknown) => Promise<OpenResult> {
  return async (url) => {
    const decision = deps.policy.check(url);
    if (!decision.allowed) {
      deps.log(`Did not open a link: ${decision.reason}`);
      return { ok: false, message: 'Gridpass opens only Autodesk pages, your ShotGrid site and pages your studio allows.' };
    }
    try {
      await deps.openExternal(decision.url);
      return { ok: true };
    } catch (error) {
      deps.log(`Opening a link failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      return { ok: false, message: 'Your browser could not be opened.' };
    }
  };
}
