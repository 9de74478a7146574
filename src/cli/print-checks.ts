import type { CheckResult, CheckStatus } from '../diagnosis/check-result';
import { checkNames, type DiagnoseVerdict } from '../diagnosis/run-checks';
import type { TerminalStyle } from './terminal-style';
import { wrapText } from './wrap-text';

const statusWords: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

const nameWidth = Math.max(...Object.values(checkNames).map((name) => name.length));

/** Where a check's summary starts: a wrapped summary continues in its own column. */
const summaryColumn = 2 + 4 + 2 + nameWidth + 2;

/** One line per check, status word first so the column reads without colour; wrapped under the summary. */
export function formatCheckLine(result: CheckResult, style: TerminalStyle, note: string | null = null): string {
  const word = statusWords[result.status];
  const painted = result.status === 'pass' ? style.ok(word) : result.status === 'warn' ? style.warn(word) : result.status === 'fail' ? style.bad(word) : style.dim(word);
  const summary = result.status === 'skipped' ? style.dim(`skipped: ${result.summary}`) : result.summary;
  const noted = note === null ? summary : `${summary} ${style.warn(`(${note})`)}`;
  return wrapText(`  ${painted}  ${result.name.padEnd(nameWidth)}  ${noted}`, style.columns, summaryColumn);
}

/** The last line of a diagnosis: the one thing to act on, or that all is well. */
export function formatVerdict(verdict: DiagnoseVerdict, style: TerminalStyle): string {
  const code = verdict.finding === null ? '' : ` ${style.dim(`[${verdict.finding.code}]`)}`;
  const line = verdict.ok ? `${style.ok('Result: OK')}  ${verdict.headline}${code}` : `${style.bad('Result: PROBLEM')}  ${verdict.headline}${code}`;
  return wrapText(line, style.columns, 2);
}
