/**
 * A finding: what is wrong (or right), why, and what to do, with a stable code support staff can
 * search for. Findings are plain data so they can cross IPC and go into reports unchanged.
 */
export interface FixLink {
  label: string;
  /** Always https (or the loopback practice site); main checks it against the allow-list before opening. */
  url: string;
}

export interface FixStep {
  text: string;
  link?: FixLink;
  /**
   * What the step is, for a window that says some things elsewhere: `find-out` is the offer to confirm in the
   * browser who the person is, `lockout` the refusal count (the wizard's notice already shows it).
   */
  role?: 'find-out' | 'lockout';
}

/**
 * The one next thing to do, as a button: confirm in the browser, use the login the site knows, or open a
 * page. Plain data; the window decides what the button does, and a report ignores it.
 */
export type FindingAction =
  | { kind: 'browser-sign-in' }
  | { kind: 'use-login'; login: string }
  | { kind: 'open'; link: FixLink };

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable, e.g. `GP-AUTH-NO-PAT`. */
  code: string;
  severity: FindingSeverity;
  title: string;
  explanation: string;
  /** One sentence of cause, for a panel that shows the full explanation only on request. */
  cause?: string;
  action?: FindingAction;
  steps: FixStep[];
}
