import type { CliIo } from './cli-io';
import { UsageError } from './exit-codes';
import type { SecretList } from './secret-list';

export type SecretSource = 'stdin' | 'prompt';

export interface SecretRequest {
  /** What is asked for, in words: "legacy passphrase", "script key". */
  what: string;
  /** The option that reads it from standard input, for the message when there is no terminal. */
  stdinOption: string;
  source: SecretSource;
}

/**
 * Reads one secret from standard input (its first line, line ending stripped) or from a hidden prompt.
 * Without a terminal and without the stdin option there is no safe way to get it: that is a usage error.
 */
export async function readSecret(io: CliIo, secrets: SecretList, request: SecretRequest): Promise<string> {
  const value = request.source === 'stdin' ? firstLine(await io.readStdin()) : await promptFor(io, request);
  if (value === '') {
    const where = request.source === 'stdin' ? 'Standard input was empty' : 'Nothing was typed';
    throw new UsageError(`${where}: Gridpass needs the ${request.what} to check this login.`);
  }
  secrets.add(value);
  return value;
}

/** Where a secret comes from: stdin when asked, else a prompt, which needs a terminal. */
export function secretSource(io: CliIo, fromStdin: boolean, request: Omit<SecretRequest, 'source'>): SecretSource {
  if (fromStdin) return 'stdin';
  if (!io.stdinIsTty) {
    throw new UsageError(
      `No terminal to ask for the ${request.what}: pipe it in with ${request.stdinOption} ` +
        `(for example from a password manager's command line tool).`,
    );
  }
  return 'prompt';
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

async function promptFor(io: CliIo, request: SecretRequest): Promise<string> {
  const answer = await io.promptSecret(`${capitalised(request.what)} (not shown as you type): `);
  if (answer === null) throw new UsageError('Cancelled: nothing was checked.');
  return answer;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
