// The gridpass command line inside the app's binary (see src/app-shell/app-cli-arguments.ts): the same
// code as the npm CLI, on Node's network stack, then the app exits with the command's exit code.
import { createCliContext } from '../src/cli/cli-context';
import { processIo } from '../src/cli/process-io';
import { runCli } from '../src/cli/run-cli';
import { standardStreams } from '../src/cli/standard-output';

export async function runAppCli(args: readonly string[], exit: (code: number) => void): Promise<never> {
  const code = await runCli(args, processIo(), createCliContext());
  // Pipes to a tool may still hold output: exiting the app drops what is not written yet.
  const { out, err } = standardStreams();
  await Promise.all([out.drained(), err.drained()]);
  exit(code);
  // app.exit ends the process; nothing after the command may start the tray or a window.
  return new Promise<never>(() => undefined);
}
