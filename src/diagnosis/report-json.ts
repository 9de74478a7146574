import { redactReport } from '../redaction/redact';
import type { SupportReport } from './support-report';

/**
 * The report as JSON, keys in a fixed order so diffs between two runs show only what changed. The
 * redaction pass runs again over the text: nothing leaves without it.
 */
export function renderReportJson(report: SupportReport, secrets: ReadonlyArray<string | null | undefined> = []): string {
  const ordered = {
    schema: report.schema,
    generatedAt: report.generatedAt,
    verdict: { ok: report.verdict.ok, headline: report.verdict.headline, code: report.verdict.code },
    environment: {
      appVersion: report.environment.appVersion,
      os: { platform: report.environment.os.platform, release: report.environment.os.release, arch: report.environment.os.arch },
      runtime: { node: report.environment.runtime.node, electron: report.environment.runtime.electron, chromium: report.environment.runtime.chromium },
      network: {
        stack: report.environment.network.stack,
        proxy: report.environment.network.proxy,
        noProxy: report.environment.network.noProxy,
        extraCaCerts: report.environment.network.extraCaCerts,
      },
    },
    site: report.site === null ? null : {
      address: report.site.address,
      loginMethod: report.site.loginMethod,
      rawLoginMethod: report.site.rawLoginMethod,
      version: report.site.version,
      unifiedLoginFlow: report.site.unifiedLoginFlow,
      appSessionLauncher: report.site.appSessionLauncher,
    },
    login: report.login,
    signedIn: report.signedIn === null ? null : {
      login: report.signedIn.login,
      name: report.signedIn.name,
      email: report.signedIn.email,
      status: report.signedIn.status,
      permissionGroup: report.signedIn.permissionGroup,
      lockedUntil: report.signedIn.lockedUntil,
      lockedUntilReadable: report.signedIn.lockedUntilReadable,
    },
    checks: report.checks.map((check) => ({
      id: check.id,
      name: check.name,
      status: check.status,
      summary: check.summary,
      details: check.details,
      durationMs: check.durationMs,
      findingCode: check.findingCode,
    })),
    findings: report.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      title: finding.title,
      explanation: finding.explanation,
      steps: finding.steps.map((step) => (step.link === undefined ? { text: step.text } : { text: step.text, link: { label: step.link.label, url: step.link.url } })),
    })),
  };
  return redactReport(`${JSON.stringify(ordered, null, 2)}\n`, secrets);
}
