import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { SiteInfo } from '../shotgrid/shotgrid-client';
import type { CheckId, CheckResult } from './check-result';
import type { CheckDependencies, DiagnoseTarget } from './check-dependencies';
import { findingFor } from './catalogue/catalogue';
import type { Check, CheckContext, CheckOutcome } from './checks/check';
import { initialFacts, outcome } from './checks/check';
import { accountCheck } from './checks/account-check';
import { clockCheck } from './checks/clock-check';
import { connectionCheck } from './checks/connection-check';
import { credentialsCheck } from './checks/credentials-check';
import { dnsCheck } from './checks/dns-check';
import { environmentCheck } from './checks/environment-check';
import { keychainCheck } from './checks/keychain-check';
import { loginMethodCheck } from './checks/login-method-check';
import { proxyCheck } from './checks/proxy-check';
import { siteCheck } from './checks/site-check';
import { tlsCheck } from './checks/tls-check';

export type {
  CheckDependencies,
  ConnectResult,
  DiagnoseTarget,
  KeychainProblem,
  KeychainSelfTestResult,
  ResolveHostResult,
  TlsHandshakeResult,
} from './check-dependencies';
export type { EnvironmentFacts, NetworkStackInfo } from './environment-facts';
export { diagnoseVerdict, type DiagnoseVerdict } from './diagnose-verdict';

/** In the order of `checkIds`: from this machine outwards, so the first failure is the cause. */
const orderedChecks: readonly Check[] = [
  environmentCheck,
  keychainCheck,
  proxyCheck,
  dnsCheck,
  connectionCheck,
  tlsCheck,
  siteCheck,
  loginMethodCheck,
  credentialsCheck,
  accountCheck,
  clockCheck,
];

/** Names of the checks by id, for screens that list pending checks before they run. */
export const checkNames: Readonly<Record<CheckId, string>> = Object.fromEntries(
  orderedChecks.map((check) => [check.id, check.name]),
) as Record<CheckId, string>;

export type CheckProgress = (done: CheckResult[], running: CheckId | null) => void;

interface DiagnosisRun {
  results: CheckResult[];
  /** What the site said about itself, for the report's site facts; null when it never answered. */
  siteInfo: SiteInfo | null;
  /** The run's one try of the login, for the refusal policy; null when the login was not tried. */
  loginAttempt: AttemptOutcome | null;
}

/**
 * Runs every check once, in order, and reports progress after each. It never throws for a failing
 * check, and it sends the passphrase at most once (in the credentials check).
 */
export async function runChecks(target: DiagnoseTarget, deps: CheckDependencies, onProgress?: CheckProgress): Promise<CheckResult[]> {
  return (await runDiagnosis(target, deps, onProgress)).results;
}

/** `runChecks`, plus the site's own facts learned on the way. */
export async function runDiagnosis(target: DiagnoseTarget, deps: CheckDependencies, onProgress?: CheckProgress): Promise<DiagnosisRun> {
  const context: CheckContext = { target, deps, facts: initialFacts(target) };
  const results: CheckResult[] = [];
  for (const check of orderedChecks) {
    onProgress?.([...results], check.id);
    const started = performance.now();
    const found = await runOne(check, context);
    const durationMs = found.status === 'skipped' ? 0 : Math.round(performance.now() - started);
    results.push({ id: check.id, name: check.name, ...found, durationMs });
  }
  onProgress?.([...results], null);
  const login = context.facts.login;
  const loginAttempt: AttemptOutcome | null = login === null ? null : login.ok ? { kind: 'verified' } : { kind: 'failed', failure: login.failure };
  return { results, siteInfo: context.facts.siteInfo, loginAttempt };
}

/** A check that throws is a bug in a dependency; it becomes a failed check, never a crashed diagnosis. */
async function runOne(check: Check, context: CheckContext): Promise<CheckOutcome> {
  try {
    return await check.run(context);
  } catch (error) {
    if (check.gatesLaterChecks) context.facts.blockedBy ??= `the ${check.name} check could not run`;
    const detail = error instanceof Error ? error.message : String(error);
    const finding = findingFor('GP-CHECK-ERROR', { loginMethod: null, site: context.target.site }, { detail });
    return outcome('fail', 'The check itself failed to run', [`Error: ${detail}`], finding);
  }
}
