import { ExitCode } from './exit-codes';

type StreamName = 'standard output' | 'standard error';

const causes: Readonly<Record<string, string>> = {
  EPIPE: 'whatever was reading it stopped (EPIPE)',
  ENOSPC: 'the disk it goes to is full (ENOSPC)',
  EDQUOT: 'the disk quota is used up (EDQUOT)',
  EIO: 'the device failed (EIO)',
  EBADF: 'it is closed (EBADF)',
};

/** One line saying why the output could not be written, for `gridpass doctor > /dev/full` and `| head -c1`. */
export function outputFailureMessage(stream: StreamName, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const cause = code === undefined ? 'the write failed' : causes[code] ?? `the write failed (${code})`;
  return `gridpass: could not write to ${stream}: ${cause}. Nothing more was printed.`;
}

/**
 * A failed write to stdout or stderr is reported by Node as an 'error' event that, unhandled, ends the
 * process with a stack trace. There is no way to tell the person more on that stream, so the run ends
 * at once with one line on the other stream (when it still works) and exit 3.
 */
export function endOnOutputFailure(process: Pick<NodeJS.Process, 'stdout' | 'stderr' | 'exit'>): void {
  let ended = false;
  const onError = (stream: StreamName) => (error: unknown) => {
    if (ended) return;
    ended = true;
    if (stream === 'standard output') {
      try {
        process.stderr.write(`${outputFailureMessage(stream, error)}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left to say it.
      }
    }
    process.exit(ExitCode.internal);
  };
  process.stdout.on('error', onError('standard output'));
  process.stderr.on('error', onError('standard error'));
}
