import type { SiteInfo } from '../shotgrid/shotgrid-client';
import type { SignedInPerson } from '../shotgrid/signed-in-person';
import type { LoginMethod } from '../shotgrid/login-method';
import type { SiteAddress } from '../site/site-address';
import type { CheckResult } from './check-result';
import type { DiagnoseVerdict } from './diagnose-verdict';
import type { EnvironmentFacts } from './environment-facts';
import type { Finding } from './finding';
import { describeProxy } from './proxy-settings';
import { createRedactor, redactDeep } from '../redaction/redact';

export { renderReportMarkdown } from './report-markdown';
export { renderReportJson } from './report-json';

export const supportReportSchema = 'gridpass.report/1';

/** What the site said about itself, without credentials. */
export interface SiteFacts {
  address: string;
  loginMethod: LoginMethod | null;
  /** What the site sent, kept when Gridpass does not know the method. */
  rawLoginMethod: string | null;
  /** e.g. "8.89.0.9724"; null when the site did not answer. */
  version: string | null;
  unifiedLoginFlow: boolean | null;
  appSessionLauncher: boolean | null;
}

interface SupportReportInput {
  generatedAt: Date;
  environment: EnvironmentFacts;
  site: SiteFacts | null;
  /** The login is not secret, and support staff need it to look the account up. */
  login?: string | null;
  /** Who confirmed in the browser they are the person behind the run; never the session. */
  signedIn?: SignedInPerson | null;
  results: readonly CheckResult[];
  verdict: DiagnoseVerdict;
  /** Secrets used during the run (passphrase, PAT, 2FA code...), removed wherever they appear. */
  secrets?: ReadonlyArray<string | null | undefined>;
}

/** A check as the report lists it: its finding by code, since each finding is listed once under `findings`. */
type ReportCheck = Omit<CheckResult, 'finding'> & { findingCode: string | null };

/** The person as the report names them: what support staff need to look them up, nothing more. */
export interface SignedInReportPerson {
  login: string;
  name: string | null;
  email: string | null;
  status: string | null;
  permissionGroup: string | null;
  /** ISO time; null when not locked, or when the site does not let the person read it (see `lockedUntilReadable`). */
  lockedUntil: string | null;
  lockedUntilReadable: boolean;
}

/** Plain data with a fixed shape: what `gridpass doctor --json` prints and what support tools parse. */
export interface SupportReport {
  schema: typeof supportReportSchema;
  generatedAt: string;
  verdict: { ok: boolean; headline: string; code: string | null };
  environment: EnvironmentFacts;
  site: SiteFacts | null;
  login: string | null;
  /** Who the browser sign-in confirmed (public fields of their own record); null without one. */
  signedIn: SignedInReportPerson | null;
  checks: ReportCheck[];
  /** Every distinct finding, the verdict's first. */
  findings: Finding[];
}

export function siteFactsFrom(site: SiteAddress, info: SiteInfo | null): SiteFacts {
  return {
    address: site.origin,
    loginMethod: info?.loginMethod ?? null,
    rawLoginMethod: info?.rawLoginMethod ?? null,
    version: info === null ? null : (info.fullVersion ?? info.version).join('.'),
    unifiedLoginFlow: info?.unifiedLoginFlow ?? null,
    appSessionLauncher: info?.appSessionLauncher ?? null,
  };
}

/** Builds the report and redacts every string in it, so the object itself is safe to send anywhere. */
export function buildSupportReport(input: SupportReportInput): SupportReport {
  const report: SupportReport = {
    schema: supportReportSchema,
    generatedAt: input.generatedAt.toISOString(),
    verdict: { ok: input.verdict.ok, headline: input.verdict.headline, code: input.verdict.finding?.code ?? null },
    environment: withDescribedProxy(input.environment),
    site: input.site === null ? null : { ...input.site },
    login: input.login ?? null,
    signedIn: input.signedIn == null ? null : reportPerson(input.signedIn),
    checks: input.results.map(toReportCheck),
    findings: distinctFindings(input.verdict.finding, input.results),
  };
  return redactDeep(report, createRedactor(input.secrets ?? []));
}

/** Field by field, so nothing else a sign-in carries can ever reach a report. */
function reportPerson(person: SignedInPerson): SignedInReportPerson {
  return {
    login: person.login,
    name: person.name,
    email: person.email,
    status: person.status,
    permissionGroup: person.permissionGroup,
    lockedUntil: person.lockedUntil,
    lockedUntilReadable: person.lockedUntilReadable,
  };
}

function toReportCheck(result: CheckResult): ReportCheck {
  return {
    id: result.id,
    name: result.name,
    status: result.status,
    summary: result.summary,
    details: [...result.details],
    durationMs: result.durationMs,
    findingCode: result.finding?.code ?? null,
  };
}

function distinctFindings(first: Finding | null, results: readonly CheckResult[]): Finding[] {
  const byCode = new Map<string, Finding>();
  for (const finding of [first, ...results.map((result) => result.finding)]) {
    if (finding !== null && !byCode.has(finding.code)) byCode.set(finding.code, finding);
  }
  return [...byCode.values()];
}

/** The proxy as the report shows it: credentials are dropped, not merely masked. */
function withDescribedProxy(environment: EnvironmentFacts): EnvironmentFacts {
  const route = describeProxy(environment.network.proxy);
  const proxy = route.kind === 'direct' ? null : route.kind === 'proxy' ? route.display : `${route.display} (unusable: ${route.problem})`;
  return {
    appVersion: environment.appVersion,
    os: { ...environment.os },
    runtime: { ...environment.runtime },
    network: { ...environment.network, proxy },
  };
}
