import type { CheckResult } from '../diagnosis/check-result';
import { checkNames, type CheckProgress } from '../diagnosis/run-checks';
import type { CliIo } from './cli-io';
import { formatCheckLine } from './print-checks';
import type { TerminalStyle } from './terminal-style';

const clearLine = '\r\u001b[2K';

/**
 * Prints each check as it finishes. On a colour terminal a transient "checking..." line on stderr
 * shows what is running; elsewhere only finished lines are written, so logs stay clean.
 */
export function checkProgressPrinter(io: CliIo, style: TerminalStyle): CheckProgress {
  let printed = 0;
  return (done: CheckResult[], running) => {
    if (style.ansi) io.status(clearLine);
    for (const result of done.slice(printed)) io.out(formatCheckLine(result, style));
    printed = done.length;
    if (style.ansi && running !== null) io.status(style.dim(`  ....  ${checkNames[running]}...`));
  };
}
