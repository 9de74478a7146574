// The gridpass command line inside the app's binary (see src/app-shell/app-cli-arguments.ts): the same
// code as the npm CLI, on Node's network stack, then the app exits with the command's exit code.
import { createCliContext } from '../src/cli/cli-context';
import { endOnOutputFailure } from '../src/cli/output-failure';
import { processIo } from '../src/cli/process-io';
import { runCli } from '../src/cli/run-cli';

export async function runAppCli(args: readonly string[], exit: (code: number) => void): Promise<never> {
  endOnOutputFailure(process);
  const code = await runCli(args, processIo(), createCliContext());
  // Pipes to a tool may still hold output: exiting the app drops what is not written yet.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  exit(code);
  // app.exit ends the process; nothing after the command may start the tray or a window.
  return new Promise<never>(() => undefined);
}
