import { defaultRequestTimeoutMs } from '../net/request-timeout';
import { UsageError } from './exit-codes';

const defaultSeconds = defaultRequestTimeoutMs / 1000;

/** The `--timeout` line of every command's help, so the documented default cannot drift from the real one. */
export const timeoutHelp = `  --timeout SECONDS    Give up on each network step after this long (default ${defaultSeconds}).`;

/** Parses `--timeout SECONDS` into milliseconds; without it, the one default every command shares. */
export function timeoutMs(value: string | undefined): number {
  if (value === undefined) return defaultRequestTimeoutMs;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UsageError(`--timeout takes a number of seconds above 0 and at most 600, not "${value}".`);
  }
  return Math.round(seconds * 1000);
}
