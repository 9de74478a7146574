/**
 * The whole `gridpass` command, built into one script (out/cli/gridpass-cli.cjs) that the launcher
 * (gridpass.ts) compiles with V8's code cache. It runs one invocation as soon as it is evaluated.
 */
import { createCliContext } from './cli-context';
import { endOnOutputFailure } from './output-failure';
import { processIo } from './process-io';
import { runCli } from './run-cli';

async function main(): Promise<void> {
  endOnOutputFailure(process);
  const code = await runCli(process.argv.slice(2), processIo(), createCliContext());
  process.exitCode = code;
  // A command is over once it has answered. A connection a hanging proxy or server still holds open (the
  // request was abandoned at its timeout, the socket was not) must not keep the process alive after it.
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}

void main();
