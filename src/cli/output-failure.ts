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
 * What a failed write to stdout or stderr does. There is no way to tell the person more on that
 * stream, so the run ends at once with one line on the other stream (when it still works) and exit 3;
 * a second failure, on the way out, adds nothing.
 */
export function endOnOutputFailure(exit: (code: number) => void, writeToStderr: (text: string) => void): (stream: StreamName) => (error: unknown) => void {
  let ended = false;
  return (stream) => (error) => {
    if (ended) return;
    ended = true;
    if (stream === 'standard output') {
      try {
        writeToStderr(`${outputFailureMessage(stream, error)}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left to say it.
      }
    }
    exit(ExitCode.internal);
  };
}
