import { createCliContext } from './cli-context';
import { endOnOutputFailure } from './output-failure';
import { processIo } from './process-io';
import { runCli } from './run-cli';

endOnOutputFailure(process);
const code = await runCli(process.argv.slice(2), processIo(), createCliContext());
process.exitCode = code;
// A command is over once it has answered. A connection a hanging proxy or server still holds open (the
// request was abandoned at its timeout, the socket was not) must not keep the process alive after it.
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}
