import type { CliIo } from './cli-io';
import type { CliContext } from './cli-context';
import type { ExitCode } from './exit-codes';

/** One `gridpass` sub-command: its help text and what it does with the arguments after its name. */
export interface Command {
  name: string;
  /** One line for the global help. */
  summary: string;
  help: string;
  run(args: string[], io: CliIo, context: CliContext): Promise<ExitCode>;
}

/** `--help` anywhere before a `--` asks for the command's help instead of running it. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
