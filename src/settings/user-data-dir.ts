import { posix, win32 } from 'node:path';

const APP_DIR_NAME = 'Gridpass';

/** Set to any folder to keep Gridpass's settings there (tests, portable setups). */
const GRIDPASS_HOME_ENV = 'GRIDPASS_HOME';

/**
 * The folder that holds `config.json`: the same one Electron's `app.getPath('userData')` gives for
 * the product name, so the app and the CLI read one file. Takes its inputs so each OS's answer can
 * be checked on any OS.
 */
export function userDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  homedir: string,
): string {
  const override = env[GRIDPASS_HOME_ENV];
  if (override) return override;
  switch (platform) {
    case 'darwin':
      return posix.join(homedir, 'Library', 'Application Support', APP_DIR_NAME);
    case 'win32':
      return win32.join(env.APPDATA || win32.join(homedir, 'AppData', 'Roaming'), APP_DIR_NAME);
    default: {
      // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
      const xdg = env.XDG_CONFIG_HOME;
      const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config');
      return posix.join(base, APP_DIR_NAME);
    }
  }
}
