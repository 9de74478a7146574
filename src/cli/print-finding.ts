import type { Finding, FindingSeverity } from '../diagnosis/finding';
import type { TerminalStyle } from './terminal-style';

const severityWords: Record<FindingSeverity, string> = { error: 'PROBLEM', warning: 'WARNING', info: 'OK' };

/**
 * A finding as a person reads it at a terminal: the code to quote to support, what is wrong, why,
 * then numbered steps with their links spelled out (a terminal cannot click a label).
 */
export function formatFinding(finding: Finding, style: TerminalStyle): string {
  const paint = finding.severity === 'error' ? style.bad : finding.severity === 'warning' ? style.warn : style.ok;
  const lines = [
    `${paint(severityWords[finding.severity])}  ${style.bold(finding.title)}  ${style.dim(`[${finding.code}]`)}`,
    `  ${finding.explanation}`,
  ];
  if (finding.steps.length > 0) {
    lines.push('', '  What to do:');
    finding.steps.forEach((step, index) => {
      lines.push(`    ${index + 1}. ${step.text}`);
      if (step.link !== undefined) lines.push(`       ${step.link.label}: ${step.link.url}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
