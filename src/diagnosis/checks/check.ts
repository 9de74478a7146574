import type { HumanUserRecord, SiteInfo } from '../../shotgrid/shotgrid-client';
import type { Outcome } from '../../shotgrid/failure';
import type { CheckId, CheckStatus } from '../check-result';
import type { CheckDependencies, DiagnoseTarget } from '../check-dependencies';
import { defaultRequestTimeoutMs } from '../../net/request-timeout';
import type { Finding } from '../finding';
import type { FindingContext } from '../finding-context';
import type { ProxyRoute } from '../proxy-settings';

/** What one check found; the runner adds its id, name and timing. */
export interface CheckOutcome {
  status: CheckStatus;
  summary: string;
  details: string[];
  finding: Finding | null;
}

/** What earlier checks learned, for the checks after them. */
interface DiagnosisFacts {
  route: ProxyRoute;
  /** Why checks that need a working path to the site cannot run; null while the path looks fine. */
  blockedBy: string | null;
  siteInfo: SiteInfo | null;
  /** When `siteInfo` arrived, so the clock check compares like with like. */
  siteInfoAt: Date | null;
  login: Outcome<HumanUserRecord> | null;
  /** Why the login was not tried, for the account check's skip reason. */
  loginSkippedBecause: string | null;
}

export interface CheckContext {
  target: DiagnoseTarget;
  deps: CheckDependencies;
  facts: DiagnosisFacts;
}

export interface Check {
  id: CheckId;
  name: string;
  /** A check on the path to the site: if it cannot even run, later checks are skipped rather than misleading. */
  gatesLaterChecks: boolean;
  run(context: CheckContext): Promise<CheckOutcome>;
}

export function initialFacts(target: DiagnoseTarget): DiagnosisFacts {
  return {
    route: { kind: 'direct' },
    blockedBy: target.site === null ? 'no site address given' : null,
    siteInfo: null,
    siteInfoAt: null,
    login: null,
    loginSkippedBecause: null,
  };
}

export function outcome(status: Exclude<CheckStatus, 'skipped'>, summary: string, details: string[] = [], finding: Finding | null = null): CheckOutcome {
  return { status, summary, details, finding };
}

export function skipped(reason: string): CheckOutcome {
  return { status: 'skipped', summary: reason, details: [], finding: null };
}

export function timeoutOf(context: CheckContext): number {
  return context.deps.timeoutMs ?? defaultRequestTimeoutMs;
}

/** The context findings are tailored to, from what the diagnosis knows so far. */
export function findingContextOf(context: CheckContext): FindingContext {
  const { target, deps, facts } = context;
  return {
    loginMethod: facts.siteInfo?.loginMethod ?? null,
    site: target.site,
    login: target.login ?? null,
    failedLogins: target.failedLogins ?? 0,
    credential: 'passphrase',
    networkStack: deps.environment.network.stack,
    platform: deps.environment.os.platform,
    browserSignInOffered: deps.offersBrowserSignIn === true && facts.siteInfo?.appSessionLauncher === true,
    ...(target.signedIn === undefined ? {} : { signedIn: target.signedIn }),
    now: deps.now(),
  };
}

/** The port a site's requests go to: explicit, or the scheme's default. */
export function sitePort(origin: string, port: number | null): number {
  if (port !== null) return port;
  return origin.startsWith('https:') ? 443 : 80;
}
