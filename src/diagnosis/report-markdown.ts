import { describeLoginMethod } from '../shotgrid/login-method';
import { terminalSafe } from '../text/terminal-safe';
import type { CheckStatus } from './check-result';
import type { Finding } from './finding';
import { createRedactor, redactDeep, redactedMarker, redactReport } from '../redaction/redact';
import type { SignedInReportPerson, SiteFacts, SupportReport } from './support-report';

const statusWords: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'skipped' };

/** For people: verdict first, then what to do, then the evidence. Redacted as a whole before it is returned. */
export function renderReportMarkdown(unredacted: SupportReport, secrets: ReadonlyArray<string | null | undefined> = []): string {
  // Redact before escaping too: Markdown escapes would otherwise hide a secret's spelling from the final pass.
  const report = redactDeep(unredacted, createRedactor(secrets));
  const lines = [
    '# Gridpass support report',
    '',
    `**${report.verdict.ok ? 'OK' : 'Problem found'}: ${inline(report.verdict.headline)}**${report.verdict.code === null ? '' : ` (\`${report.verdict.code}\`)`}`,
    '',
    ...overview(report),
    ...whatToDo(report.findings),
    ...checksTable(report),
    ...checkDetails(report),
    '',
    `Report format ${report.schema}. Secrets (passphrases, tokens, codes) are removed from this report.`,
    '',
  ];
  return redactReport(lines.join('\n'), secrets);
}

function overview(report: SupportReport): string[] {
  const { environment } = report;
  const engine = environment.runtime.electron === null ? `Node.js ${environment.runtime.node}` : `Electron ${environment.runtime.electron}, Node.js ${environment.runtime.node}`;
  return [
    `- Generated: ${report.generatedAt}`,
    `- Gridpass ${inline(environment.appVersion)} on ${inline(environment.os.platform)} ${inline(environment.os.release)} (${inline(environment.os.arch)}), ${inline(engine)}`,
    `- Network: ${environment.network.stack === 'chromium' ? 'Chromium (system settings)' : 'Node.js'}; proxy: ${inline(environment.network.proxy ?? 'none')}; NO_PROXY: ${inline(environment.network.noProxy ?? 'not set')}; extra CA certificates: ${inline(environment.network.extraCaCerts ?? 'none')}`,
    ...siteLines(report.site),
    `- Login: ${report.login === null ? 'not given' : inline(report.login)}`,
    ...signedInLines(report.signedIn),
    '',
  ];
}

function signedInLines(person: SignedInReportPerson | null): string[] {
  if (person === null) return [];
  const lock = !person.lockedUntilReadable ? 'lock not readable' : person.lockedUntil === null ? 'not locked' : `locked until ${inline(person.lockedUntil)}`;
  const who = person.name === null ? '' : `${inline(person.name)}, `;
  return [
    `- Signed in through the browser as: ${who}legacy login ${inline(person.login)}; email ${inline(person.email ?? 'not readable')}; ` +
      `status ${inline(person.status ?? 'not readable')}; permission group ${inline(person.permissionGroup ?? 'not readable')}; ${lock}`,
  ];
}

function siteLines(site: SiteFacts | null): string[] {
  if (site === null) return ['- Site: not given'];
  const method = site.loginMethod === null
    ? (site.rawLoginMethod === null ? 'unknown' : `unknown ("${inline(site.rawLoginMethod)}")`)
    : `${describeLoginMethod(site.loginMethod)} (${site.loginMethod})`;
  const flags = [
    site.unifiedLoginFlow === null ? null : `unified login flow ${site.unifiedLoginFlow ? 'on' : 'off'}`,
    site.appSessionLauncher === null ? null : `App Session Launcher ${site.appSessionLauncher ? 'on' : 'off'}`,
  ].filter((flag) => flag !== null);
  return [
    `- Site: ${inline(site.address)}${site.version === null ? '' : `, ShotGrid ${inline(site.version)}`}`,
    `- Login method: ${method}${flags.length === 0 ? '' : `; ${flags.join(', ')}`}`,
  ];
}

function whatToDo(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  return ['## What to do', '', ...findings.flatMap(renderFinding)];
}

function renderFinding(finding: Finding): string[] {
  return [
    `### ${finding.code}: ${inline(finding.title)}`,
    '',
    paragraph(finding.explanation),
    '',
    ...finding.steps.map((step, index) => `${index + 1}. ${inline(step.text)}${step.link === undefined ? '' : ` [${inline(step.link.label)}](${step.link.url})`}`),
    ...(finding.steps.length === 0 ? [] : ['']),
  ];
}

function checksTable(report: SupportReport): string[] {
  return [
    '## Checks',
    '',
    '| Check | Status | Time | Result |',
    '| --- | --- | --- | --- |',
    ...report.checks.map((check) => `| ${inline(check.name)} | ${statusWords[check.status]} | ${check.status === 'skipped' ? '' : `${check.durationMs} ms`} | ${inline(check.summary)}${check.findingCode === null ? '' : ` (\`${check.findingCode}\`)`} |`),
    '',
  ];
}

function checkDetails(report: SupportReport): string[] {
  const withDetails = report.checks.filter((check) => check.details.length > 0);
  if (withDetails.length === 0) return [];
  return [
    '## Details',
    '',
    ...withDetails.flatMap((check) => [`### ${inline(check.name)} (${statusWords[check.status]})`, '', ...check.details.map((detail) => `- ${inline(detail)}`), '']),
  ];
}

/**
 * One line of text that cannot break the surrounding Markdown or carry a control sequence: server and
 * file text may hold links, images, HTML or escape codes. Underscores stay bare: names like NO_PROXY
 * read better that way, and CommonMark never emphasises inside a word.
 */
function inline(text: string): string {
  return terminalSafe(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/\[redacted\]|[\\`*<>[\]~|]/g, (found) => (found === redactedMarker ? found : `\\${found}`));
}

/** Inline text that starts a line: it must not turn into a heading or a list item either. */
function paragraph(text: string): string {
  return inline(text).replace(/^[#+-]/, '\\$&').replace(/^(\d+)\./, '$1\\.');
}
