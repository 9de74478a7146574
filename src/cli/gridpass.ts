/**
 * The `gridpass` executable: a launcher that loads nothing but Node's own modules, then runs the CLI
 * (cli-main.ts, built into gridpass-cli.cjs beside this file) through V8's code cache. A run that
 * finishes with exit 0 leaves the bytecode it compiled for the next run of the same command.
 * `--version` is answered here, without the bundle.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asksForHelp } from './command';
import { codeCacheDir, codeCacheFileName, loadBundle } from './code-cache';
import { standardStreams } from './standard-output';
import { asksForVersion } from './version-option';

const args = process.argv.slice(2);
if (asksForVersion(args)) {
  // The one answer that needs none of the CLI's code.
  standardStreams().out.write(`${__GRIDPASS_VERSION__}\n`);
} else {
  runBundle(args);
}

function runBundle([command, ...rest]: readonly string[]): void {
  const bundlePath = join(dirname(fileURLToPath(import.meta.url)), 'gridpass-cli.cjs');
  let bundle: ReturnType<typeof loadBundle>;
  try {
    bundle = loadBundle(bundlePath, cacheFileFor(command));
  } catch (error) {
    // A damaged or half-copied install: one line, as for any internal error, not a stack.
    standardStreams().err.write(`gridpass: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
    return;
  }
  // A help text compiles little of a command; its cache would stand in for the command's own.
  if (!bundle.usedCache && !asksForHelp(rest)) {
    process.once('exit', (code) => {
      if (code === 0) bundle.save();
    });
  }
  bundle.run();
}

function cacheFileFor(name: string | undefined): string | null {
  try {
    const dir = codeCacheDir(process.platform, process.env, homedir());
    return join(dir, codeCacheFileName({ bundleHash: __GRIDPASS_CLI_BUNDLE_HASH__, command: name }));
  } catch {
    // No home folder to find a cache in: every run compiles, as without one.
    return null;
  }
}
