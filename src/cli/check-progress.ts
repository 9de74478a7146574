import type { CheckResult } from '../diagnosis/check-result';
import { checkNames, type CheckProgress } from '../diagnosis/run-checks';
import type { CliIo } from './cli-io';
import { LiveStatus, realTimers, seconds, slowAfterMs, type LiveTimers } from './live-status';
import { formatCheckLine } from './print-checks';
import type { TerminalStyle } from './terminal-style';

/**
 * Prints each check as it finishes. On a terminal the running check has a live line on stderr (a
 * spinner, its elapsed time after a second, "slow" after three), and a check that was slow says how
 * long it took in its finished line. Elsewhere only the finished lines are written, so logs stay clean.
 */
export function checkProgressPrinter(io: CliIo, style: TerminalStyle, timers: LiveTimers = realTimers): CheckProgress {
  const status = new LiveStatus(io, style, timers);
  let printed = 0;
  return (done: CheckResult[], running) => {
    const elapsed = status.clear();
    const finished = done.slice(printed);
    finished.forEach((result, index) => {
      // The elapsed time belongs to the check that was running, the last one to finish.
      const slow = style.live && index === finished.length - 1 && elapsed > slowAfterMs;
      io.out(formatCheckLine(result, style, slow ? `${seconds(elapsed)}, slow` : null));
    });
    printed = done.length;
    if (running !== null) status.show(checkNames[running]);
  };
}
