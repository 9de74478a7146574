/**
 * `Gridpass session --site S` (and every other `gridpass` command) run inside the app's own binary, so
 * tools on an artist's machine reach Gridpass where the app is installed without Node.js: the app is
 * built with the RunAsNode fuse off, so its binary cannot run the CLI's script, but it can run the CLI's
 * code from its own main process.
 */
import { commands } from '../cli/run-cli';

const commandNames: ReadonlySet<string> = new Set(commands.map((command) => command.name));

/**
 * The CLI's arguments when the app was started as a command (`<app> session --site S`), else null.
 * Chromium switches (`--no-sandbox`, the launch-at-login `--hidden`) come first and are skipped; so is
 * the app path when Electron runs an unpackaged app (`electron out/main/main.js session ...`). A deep
 * link (`gridpass://setup?...`) is never a command name, so it still opens the app.
 */
export function appCliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const positions = argv.map((arg, index) => ({ arg, index })).slice(1).filter(({ arg }) => !arg.startsWith('-'));
  const first = (defaultApp ? positions.slice(1) : positions)[0];
  return first !== undefined && commandNames.has(first.arg) ? argv.slice(first.index) : null;
}
