import type { Finding } from './finding';

/** The named checks, in the order they run. */
export const checkIds = [
  'environment',
  'keychain',
  'proxy',
  'dns',
  'connection',
  'tls',
  'site',
  'login-method',
  'credentials',
  'account',
  'clock',
] as const;
export type CheckId = (typeof checkIds)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

export interface CheckResult {
  id: CheckId;
  /** Human name, e.g. "TLS certificate". */
  name: string;
  status: CheckStatus;
  /** One line: what was found, or why the check was skipped. */
  summary: string;
  details: string[];
  durationMs: number;
  finding: Finding | null;
}
