import type { Finding, FixLink, FixStep } from '../../src/ipc/contract';

/** What the window can do for a panel's action; a host leaves out what it cannot do (yet). */
export interface RefusalHandlers {
  /** Confirm in the browser who the person is (the wizard's browser sign-in). */
  onConfirmInBrowser?: () => void;
  /** Put the login the site knows into the login field. */
  onUseLogin?: (login: string) => void;
}

export type PanelAction =
  | { kind: 'button'; label: string; run: () => void }
  | { kind: 'link'; link: FixLink };

/**
 * The one next action as a button: the finding's own, when this window can do it. Without the wizard's
 * handler a browser sign-in is not offered here (the login fields offer it on sites that have it); a lock or
 * an inactive account has no button, since waiting or an admin is the fix.
 */
export function panelAction(finding: Finding, handlers: RefusalHandlers): PanelAction | null {
  const action = finding.action;
  if (action?.kind === 'browser-sign-in' && handlers.onConfirmInBrowser !== undefined) {
    return { kind: 'button', label: 'Confirm who you are in your browser', run: handlers.onConfirmInBrowser };
  }
  if (action?.kind === 'use-login' && handlers.onUseLogin !== undefined) {
    const { onUseLogin } = handlers;
    return { kind: 'button', label: `Use “${action.login}” as the login`, run: () => onUseLogin(action.login) };
  }
  if (action?.kind === 'open') return { kind: 'link', link: action.link };
  return null;
}

interface StepsShown {
  /** The host shows the refusal count beside the panel: the finding's own count is left out. */
  lockoutShown: boolean;
  canConfirmInBrowser: boolean;
}

/** The full steps behind "Show all steps": none this window cannot do, none said elsewhere on screen. */
export function visibleSteps(steps: readonly FixStep[], shown: StepsShown): FixStep[] {
  return steps.filter((step) => !(step.role === 'lockout' && shown.lockoutShown) && !(step.role === 'find-out' && !shown.canConfirmInBrowser));
}

/** One sentence of cause: the finding's own, or the first sentence of its explanation. */
export function causeOf(finding: Finding): string {
  if (finding.cause !== undefined) return finding.cause;
  const first = /^.*?[.!?](?=\s|$)/s.exec(finding.explanation);
  return first === null ? finding.explanation : first[0];
}
