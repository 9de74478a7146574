import type { CliIo } from './cli-io';
import { Cancelled, UsageError } from './exit-codes';
import type { SecretList } from '../redaction/redact';
import { MAX_SECRET_INPUT_LENGTH } from '../vault/secret-size';

type SecretSource = 'stdin' | 'prompt';

interface SecretRequest {
  /** What is asked for, in words: "legacy passphrase", "script key". */
  what: string;
  /** The option that reads it from standard input, for the message when there is no terminal. */
  stdinOption: string;
  source: SecretSource;
  /**
   * A generated key, one word by construction: blanks around it are a copy-and-paste accident and are
   * dropped, a blank inside is refused. Passphrases are taken exactly as given.
   */
  oneWord?: boolean;
}

/**
 * Reads one secret from standard input (its first line, line ending stripped) or from a hidden prompt.
 * Without a terminal and without the stdin option there is no safe way to get it: that is a usage error.
 * When standard input is itself a terminal, the stdin option still asks with the hidden prompt: the
 * terminal would otherwise show the secret as it is typed.
 */
export async function readSecret(io: CliIo, secrets: SecretList, request: SecretRequest): Promise<string> {
  const fromPipe = request.source === 'stdin' && !io.stdinIsTty;
  const raw = fromPipe ? firstLine(await io.readStdin()) : await promptFor(io, request);
  secrets.add(raw);
  refuseOverlong(raw, request.what);
  const value = request.oneWord === true ? raw.trim() : raw;
  if (value === '') {
    const where = fromPipe ? 'Standard input was empty' : 'Nothing was typed';
    throw new UsageError(`${where}: Gridpass needs the ${request.what} to check this login.`);
  }
  if (request.oneWord === true && /\s/.test(value)) {
    throw new UsageError(
      `The ${request.what} has a space in it, and ${request.what}s never do. Copy it again and give just the ${request.what} ` +
        '(what was given is not repeated here).',
    );
  }
  secrets.add(value);
  return value;
}

/** A secret longer than any real one is a paste gone wrong: refused, and never repeated. */
export function refuseOverlong(secret: string, what: string): void {
  if (secret.length <= MAX_SECRET_INPUT_LENGTH) return;
  throw new UsageError(
    `The ${what} is longer than ${MAX_SECRET_INPUT_LENGTH.toLocaleString('en-US')} characters, the most Gridpass accepts; ` +
      `give just the ${what} (what was given is not repeated here).`,
  );
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
  if (answer === null) throw new Cancelled('Cancelled: the login was not tried.');
  return answer;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
