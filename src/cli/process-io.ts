import type { CliIo } from './cli-io';

const maxStdinBytes = 64 * 1024;

let stdinText: Promise<string> | null = null;

/** Reads stdin to its end once (a passphrase and a code may share it), bounded: secrets are lines, not files. */
function readStdin(): Promise<string> {
  stdinText ??= readAllStdin();
  return stdinText;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxStdinBytes) throw new StdinTooLargeError(`Standard input is larger than ${maxStdinBytes / 1024} KiB; pipe in just the one line.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Too much piped in: a mistake in how the command was called, not a bug. */
export class StdinTooLargeError extends Error {
  override readonly name = 'StdinTooLargeError';
}

/** Reads one line from the terminal in raw mode, echoing nothing (or the typed text when `echo`). */
function askTerminal(question: string, echo: boolean): Promise<string | null> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve) => {
    let answer = '';
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(answer);
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') {
          if (answer.length > 0 && echo) process.stderr.write('\b \b');
          answer = answer.slice(0, -1);
        } else if (char >= ' ') {
          answer += char;
          if (echo) process.stderr.write(char);
        }
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

const withNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(withNewline(text)),
    err: (text) => void process.stderr.write(withNewline(text)),
    status: (text) => void process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : null,
    stdinIsTty: Boolean(process.stdin.isTTY),
    readStdin,
    promptSecret: (question) => askTerminal(question, false),
    prompt: (question) => askTerminal(question, true),
  };
}
