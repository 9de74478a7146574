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
}

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable, e.g. `GP-AUTH-NO-PAT`. */
  code: string;
  severity: FindingSeverity;
  title: string;
  explanation: string;
  steps: FixStep[];
}
