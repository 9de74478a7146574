/**
 * The whole `gridpass` command, built into one script (out/cli/gridpass-cli.cjs) that the launcher
 * (gridpass.ts) compiles with V8's code cache. It runs one invocation as soon as it is evaluated.
 */
import { createCliContext } from './cli-context';
import { processIo } from './process-io';
import { runCli } from './run-cli';
import { standardStreams } from './standard-output';

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), processIo(), createCliContext());
  process.exitCode = code;
  // A command is over once it has answered. A connection a hanging proxy or server still holds open (the
  // request was abandoned at its timeout, the socket was not) must not keep the process alive after it.
  const { out, err } = standardStreams();
  await Promise.all([out.drained(), err.drained()]);
  process.exit(code);
}

void main();
