import { readSync } from 'node:fs';
import type { CliIo } from './cli-io';
import { descriptorKind } from './descriptor-kind';
import { standardStreams } from './standard-output';

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
  const keep = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxStdinBytes) throw new StdinTooLargeError(`Standard input is larger than ${maxStdinBytes / 1024} KiB; pipe in just the one line.`);
    chunks.push(chunk);
  };
  // Anything but a terminal is read here, without Node's stream (see descriptor-kind.ts), unless it would block.
  const rest = descriptorKind(0) === 'plain' ? readPlainStdin(keep) : 'all';
  if (rest === 'all') {
    for await (const chunk of process.stdin) keep(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads fd 0 to its end; 'all' when it would block (a non-blocking pipe), for the stream to read the rest. */
function readPlainStdin(keep: (chunk: Buffer) => void): 'done' | 'all' {
  const buffer = Buffer.alloc(16 * 1024);
  for (;;) {
    let read: number;
    try {
      read = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') return 'all';
      // Windows reports the end of a pipe as an error.
      if (code === 'EOF') return 'done';
      throw error;
    }
    if (read === 0) return 'done';
    keep(Buffer.from(buffer.subarray(0, read)));
  }
}

/** Too much piped in: a mistake in how the command was called, not a bug. */
export class StdinTooLargeError extends Error {
  override readonly name = 'StdinTooLargeError';
}

/** Reads one line from the terminal in raw mode, echoing nothing (or the typed text when `echo`). */
function askTerminal(question: string, echo: boolean): Promise<string | null> {
  const stdin = process.stdin;
  const stderr = standardStreams().err;
  stderr.write(question);
  return new Promise((resolve) => {
    let answer = '';
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(answer);
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') {
          if (answer.length > 0 && echo) stderr.write('\b \b');
          answer = answer.slice(0, -1);
        } else if (char >= ' ') {
          answer += char;
          if (echo) stderr.write(char);
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
  const { out, err } = standardStreams();
  return {
    out: (text) => out.write(withNewline(text)),
    err: (text) => err.write(withNewline(text)),
    status: (text) => err.write(text),
    isTty: out.terminal,
    columns: out.terminal && process.stdout.columns > 0 ? process.stdout.columns : null,
    stdinIsTty: descriptorKind(0) === 'terminal',
    readStdin,
    promptSecret: (question) => askTerminal(question, false),
    prompt: (question) => askTerminal(question, true),
  };
}
