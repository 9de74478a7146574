import type { CheckResult, CheckStatus } from '../diagnosis/check-result';
import { checkNames, type DiagnoseVerdict } from '../diagnosis/run-checks';
import type { TerminalStyle } from './terminal-style';

const statusWords: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

const nameWidth = Math.max(...Object.values(checkNames).map((name) => name.length));

/** One line per check, status word first so the column reads without colour. */
export function formatCheckLine(result: CheckResult, style: TerminalStyle): string {
  const word = statusWords[result.status];
  const painted = result.status === 'pass' ? style.ok(word) : result.status === 'warn' ? style.warn(word) : result.status === 'fail' ? style.bad(word) : style.dim(word);
  const summary = result.status === 'skipped' ? style.dim(`skipped: ${result.summary}`) : result.summary;
  return `  ${painted}  ${result.name.padEnd(nameWidth)}  ${summary}`;
}

/** The last line of a diagnosis: the one thing to act on, or that all is well. */
export function formatVerdict(verdict: DiagnoseVerdict, style: TerminalStyle): string {
  const code = verdict.finding === null ? '' : ` ${style.dim(`[${verdict.finding.code}]`)}`;
  return verdict.ok ? `${style.ok('Result: OK')}  ${verdict.headline}${code}` : `${style.bad('Result: PROBLEM')}  ${verdict.headline}${code}`;
}
