import type { CheckId, CheckResult } from './check-result';
import { findingFor } from './catalogue/catalogue';
import type { Finding } from './finding';
import type { FindingContext } from './finding-context';

export interface DiagnoseVerdict {
  /** True when no check failed. */
  ok: boolean;
  headline: string;
  /** The one finding to act on first; null when there is nothing to say. */
  finding: Finding | null;
}

/** Checks of this computer alone; every other check is on the path to the site and the login. */
const localChecks: ReadonlySet<CheckId> = new Set<CheckId>(['environment', 'keychain', 'clock']);

/**
 * Sums up a run. The first failure on the path to the site and the login is the cause (the rest of
 * that path are its consequences), and it outranks a problem of this computer alone, which is the
 * verdict only when the path is clear. `context` tailors findings the checks did not carry.
 */
export function diagnoseVerdict(results: readonly CheckResult[], context: FindingContext = { loginMethod: null, site: null }): DiagnoseVerdict {
  const failures = results.filter((result) => result.status === 'fail');
  const failed = failures.find((result) => !localChecks.has(result.id)) ?? failures[0];
  if (failed !== undefined) {
    return {
      ok: false,
      headline: failed.finding?.title ?? `${failed.name}: ${failed.summary}`,
      finding: failed.finding,
    };
  }
  const warnings = results.filter((result) => result.status === 'warn');
  const credentials = results.find((result) => result.id === 'credentials');
  const warningNote = warnings.length === 0 ? '' : ` (${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}: ${warnings.map((w) => w.name).join(', ')})`;
  if (credentials?.status === 'pass') {
    const finding = credentials.finding ?? findingFor('GP-OK', context);
    return { ok: true, headline: `${finding.title}${warningNote}`, finding };
  }
  const warned = warnings.find((warning) => warning.finding !== null)?.finding ?? null;
  if (warned !== null) return { ok: true, headline: warned.title, finding: warned };
  const site = results.find((result) => result.id === 'site');
  if (site?.status === 'pass') {
    const finding = findingFor('GP-SITE-REACHABLE', context);
    return { ok: true, headline: `${finding.title}${warningNote}`, finding };
  }
  return { ok: true, headline: `No problem found on this computer; no site was checked${warningNote}`, finding: null };
}
