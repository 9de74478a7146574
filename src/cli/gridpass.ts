import { createCliContext } from './cli-context';
import { endOnOutputFailure } from './output-failure';
import { processIo } from './process-io';
import { runCli } from './run-cli';

endOnOutputFailure(process);
process.exitCode = await runCli(process.argv.slice(2), processIo(), createCliContext());
