import type { CliIo } from './cli-io';
import type { CliContext } from './cli-context';
import type { ExitCode } from './exit-codes';

/** One `gridpass` sub-command: its help text and what it does with the arguments after its name. */
export interface Command {
  name: string;
  help: string;
  run(args: string[], io: CliIo, context: CliContext): Promise<ExitCode>;
}

/**
 * A command as the global help and the dispatcher know it. Its module is imported only when that
 * command runs (or shows its help), so a command loads nothing another command needs.
 */
export interface CommandEntry {
  name: string;
  /** One line for the global help. */
  summary: string;
  load(): Promise<Command>;
}

/** `--help` anywhere before a `--` asks for the command's help instead of running it. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
