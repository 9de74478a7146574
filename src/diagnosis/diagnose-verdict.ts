import type { CheckResult } from './check-result';
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

/**
 * Sums up a run. Checks run from the machine outwards, so the first failure is the root cause and the
 * rest are its consequences; the headline names it. `context` tailors findings the checks did not carry.
 */
export function diagnoseVerdict(results: readonly CheckResult[], context: FindingContext = { loginMethod: null, site: null }): DiagnoseVerdict {
  const failed = results.find((result) => result.status === 'fail');
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
