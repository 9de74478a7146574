// Where the Electron binary is, found the way the electron package finds it, but without loading that
// package: its first load starts a download, which fails (with a stack trace) on offline machines.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * ELECTRON_PATH, or the binary `npm install electron` put in node_modules/electron/dist (or in
 * ELECTRON_OVERRIDE_DIST_PATH, the electron package's own override); null when none exists.
 */
export function findElectronBinary(root = process.cwd(), env = process.env) {
  if (env.ELECTRON_PATH) return existsSync(env.ELECTRON_PATH) ? env.ELECTRON_PATH : null;
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'), name);
  return existsSync(binary) ? binary : null;
}

/** The one line `npm start` prints where there is no binary. */
export const noElectronMessage =
  'Gridpass: the desktop app cannot start because no Electron binary is installed (the electron package fetches it on first use, which needs the internet). ' +
  'Where downloads work, run `npx install-electron`, or set ELECTRON_PATH to an Electron binary; ' +
  'to see the app without it, run `npm run demo` (the browser preview).';
