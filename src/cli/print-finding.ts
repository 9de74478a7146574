import type { Finding, FindingSeverity } from '../diagnosis/finding';
import type { TerminalStyle } from './terminal-style';
import { wrapText } from './wrap-text';

const severityWords: Record<FindingSeverity, string> = { error: 'PROBLEM', warning: 'WARNING', info: 'OK' };

/**
 * A finding as a person reads it at a terminal: the code to quote to support, what is wrong, why,
 * then numbered steps with their links spelled out (a terminal cannot click a label). Wrapped to the
 * terminal's width.
 */
export function formatFinding(finding: Finding, style: TerminalStyle): string {
  const paint = finding.severity === 'error' ? style.bad : finding.severity === 'warning' ? style.warn : style.ok;
  const title = `${paint(severityWords[finding.severity])}  ${style.bold(finding.title)}  ${style.dim(`[${finding.code}]`)}`;
  return `${wrapText(title, style.columns, 2)}\n${formatFindingDetails(finding, style)}`;
}

/** What is wrong and what to do, without the title: for where the title was just printed as a headline. */
export function formatFindingDetails(finding: Finding, style: TerminalStyle): string {
  const lines = [`  ${finding.explanation}`];
  if (finding.steps.length > 0) {
    lines.push('', '  What to do:');
    finding.steps.forEach((step, index) => {
      lines.push(`    ${index + 1}. ${step.text}`);
      if (step.link !== undefined) lines.push(`       ${step.link.label}: ${step.link.url}`);
    });
  }
  return `${wrapText(lines.join('\n'), style.columns)}\n`;
}
