import type { CliIo } from './cli-io';
import { Cancelled, UsageError } from './exit-codes';
import type { SecretList } from '../redaction/redact';
import { refuseOverlong } from './read-secret';

/**
 * One-time codes are secrets too: a command line can be read by every user of the computer (ps, shell
 * history), so a code is typed at a prompt or piped in with --2fa-stdin, never given as an argument.
 */
export function refuseCodeOnCommandLine(value: string | undefined, secrets: SecretList): void {
  if (value === undefined) return;
  secrets.add(value);
  throw new UsageError(
    '--2fa-code is not accepted: a code on the command line can be read by other users of this computer. ' +
      'Type it when Gridpass asks, or pipe it in with --2fa-stdin (on the line after the passphrase when --passphrase-stdin is given too).',
  );
}

/**
 * The code piped in with --2fa-stdin: the first line of standard input, or the second when the
 * passphrase comes first. On a terminal it is asked for without echo instead. A blank code is a
 * usage error: trying the login without it would only send the passphrase again.
 */
export async function readTwoFactorCode(io: CliIo, secrets: SecretList, afterPassphrase: boolean): Promise<string> {
  const raw = io.stdinIsTty ? await askCode(io) : lineOf(await io.readStdin(), afterPassphrase ? 1 : 0);
  secrets.add(raw);
  refuseOverlong(raw, 'two-step verification code');
  const code = raw.replace(/\s+/g, '');
  if (code === '') {
    throw new UsageError(
      afterPassphrase && !io.stdinIsTty
        ? 'No two-step verification code on the second line of standard input (the passphrase goes on the first).'
        : 'The two-step verification code is empty.',
    );
  }
  secrets.add(code);
  return code;
}

/** Asks for the code the site wants once the first login said so (a terminal only). */
export async function askTwoFactorCode(io: CliIo, secrets: SecretList): Promise<string> {
  io.err('The site asks for a two-step verification code.');
  return readTwoFactorCode(io, secrets, false);
}

async function askCode(io: CliIo): Promise<string> {
  const typed = await io.promptSecret('Code from your authenticator app, or a backup code (not shown): ');
  if (typed === null) throw new Cancelled('Cancelled: the login was not tried with a code.');
  return typed;
}

function lineOf(text: string, index: number): string {
  return text.split(/\r?\n/)[index] ?? '';
}
