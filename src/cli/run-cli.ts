import { defaultRequestTimeoutMs } from '../net/request-timeout';
import { MAX_LOGIN_INPUT_LENGTH } from '../shotgrid/login-input';
import { MAX_SECRET_INPUT_LENGTH } from '../vault/secret-size';
import type { CliContext } from './cli-context';
import type { CliIo } from './cli-io';
import { asksForHelp, type CommandEntry } from './command';
import { Cancelled, ExitCode, UsageError } from './exit-codes';
import { nearestWord } from './nearest-word';
import { StdinTooLargeError } from './process-io';
import { redactingIo } from './redacting-io';
import { terminalStyle } from './terminal-style';
import { asksForVersion } from './version-option';
import { wrapText } from './wrap-text';

export const commands: readonly CommandEntry[] = [
  {
    name: 'site',
    summary: 'What a site is and how its people log in to the API (no login needed)',
    load: async () => (await import('./commands/site-command')).siteCommand,
  },
  {
    name: 'whoami',
    summary: 'Who you are on a site and your exact legacy login, by approving in a browser (no password)',
    load: async () => (await import('./commands/whoami-command')).whoamiCommand,
  },
  {
    name: 'verify',
    summary: "Check a login, a script key or the saved logins against the site's API",
    load: async () => (await import('./commands/verify-command')).verifyCommand,
  },
  {
    name: 'doctor',
    summary: 'Run every check, say what is wrong and what to do; write a support report',
    load: async () => (await import('./commands/doctor-command')).doctorCommand,
  },
  {
    name: 'login',
    summary: 'Verify a login once and save it (keychain and settings, as the app does)',
    load: async () => (await import('./commands/login-command')).loginCommand,
  },
  {
    name: 'status',
    summary: 'Every saved login: last check, paused or not, keychain entry, how to fix it',
    load: async () => (await import('./commands/status-command')).statusCommand,
  },
  {
    name: 'accounts',
    summary: 'List saved logins; forget them (settings and keychain together); clean orphans',
    load: async () => (await import('./commands/accounts-command')).accountsCommand,
  },
  {
    name: 'session',
    summary: 'Print a working session token of a saved login, for pipeline tools',
    load: async () => (await import('./commands/session-command')).sessionCommand,
  },
  {
    name: 'practice-site',
    summary: 'Run a simulated ShotGrid site with ready-made accounts, for tests and training',
    load: async () => (await import('./commands/practice-site-command')).practiceSiteCommand,
  },
];

function globalHelp(version: string): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `gridpass ${version}: gets ShotGrid API logins working, and says why when they do not.

Usage: gridpass <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     Show this help, or a command's help (gridpass <command> --help).
  -v, --version  Print the version.

Exit codes:
  0  all good
  1  a check failed (the site, the login or this computer has a problem)
  2  usage error (nothing was checked)
  3  internal error (a bug in Gridpass; run again with GRIDPASS_DEBUG=1 for details)

Each network step (a name lookup, a connection, a request to the site) gives up
after ${defaultRequestTimeoutMs / 1000} seconds in every command; --timeout SECONDS changes that.

Secrets are never taken on the command line: they are asked for on a terminal or
read from standard input (--passphrase-stdin, --key-stdin), at most
${MAX_SECRET_INPUT_LENGTH.toLocaleString('en-US')} characters each; a login is at most ${MAX_LOGIN_INPUT_LENGTH} characters.`;
}

/**
 * Runs one `gridpass` invocation and returns its exit code. It never throws: a usage mistake is a
 * short message and exit 2, anything unexpected one plain line and exit 3 (the stack only with
 * GRIDPASS_DEBUG=1). Everything printed is redacted against the secrets the run read.
 */
export async function runCli(args: readonly string[], rawIo: CliIo, context: CliContext): Promise<ExitCode> {
  const io = redactingIo(rawIo, context.secrets);
  const [name, ...rest] = args;
  try {
    if (name === undefined) {
      io.err(globalHelp(context.version));
      return ExitCode.usage;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      return await showHelp(io, context, rest[0]);
    }
    if (asksForVersion(args)) {
      io.out(context.version);
      return ExitCode.ok;
    }
    const entry = commands.find((candidate) => candidate.name === name);
    if (entry === undefined) {
      throw new UsageError(name.startsWith('-') ? `Unknown option "${name}" before the command.` : unknownCommand(name));
    }
    const command = await entry.load();
    if (asksForHelp(rest)) {
      io.out(command.help);
      return ExitCode.ok;
    }
    return await command.run(rest, io, context);
  } catch (error) {
    return reportError(io, context, error, name);
  }
}

async function showHelp(io: CliIo, context: CliContext, topic: string | undefined): Promise<ExitCode> {
  const entry = commands.find((candidate) => candidate.name === topic);
  if (topic !== undefined && entry === undefined) throw new UsageError(unknownCommand(topic));
  io.out(entry === undefined ? globalHelp(context.version) : (await entry.load()).help);
  return ExitCode.ok;
}

function unknownCommand(name: string): string {
  const nearest = nearestWord(name, commands.map((command) => command.name));
  return nearest === null ? `Unknown command "${name}".` : `Unknown command "${name}". Did you mean "gridpass ${nearest}"?`;
}

function reportError(io: CliIo, context: CliContext, error: unknown, name: string | undefined): ExitCode {
  if (error instanceof Cancelled) {
    io.err(`gridpass: ${error.message}`);
    return ExitCode.usage;
  }
  if (error instanceof UsageError || error instanceof StdinTooLargeError) {
    const helpCommand = commands.some((command) => command.name === name) ? `gridpass ${name} --help` : 'gridpass --help';
    const message = `gridpass: ${error.message}\nSee: ${helpCommand}`;
    // Wrapped for a person at a terminal; kept on one line for a script that greps it.
    io.err(io.isTty ? wrapText(message, terminalStyle(io.isTty, context.env, io.columns).columns, 2) : message);
    return ExitCode.usage;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.err(`gridpass: internal error: ${firstLine(detail)} (run again with GRIDPASS_DEBUG=1 for details)`);
  if (context.env.GRIDPASS_DEBUG === '1' && error instanceof Error && error.stack !== undefined) io.err(error.stack);
  return ExitCode.internal;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
