/**
 * "Launch at login", per OS: macOS and Windows through Electron's login items, Linux through an XDG
 * autostart entry (~/.config/autostart). Started at login, the app passes HIDDEN_FLAG so it comes up
 * in the tray without opening a window.
 */
import path from 'node:path';

export const HIDDEN_FLAG = '--hidden';

interface LoginItemApi {
  getLoginItemSettings(options?: { args?: string[] }): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

interface AutostartFiles {
  readFile(filePath: string): Promise<string | null>;
  writeFile(filePath: string, text: string): Promise<void>;
  removeFile(filePath: string): Promise<void>;
}

export interface LaunchAtLoginOptions {
  platform: string;
  appId: string;
  loginItems: LoginItemApi;
  files: AutostartFiles;
  /** `${XDG_CONFIG_HOME:-~/.config}/autostart`. */
  autostartDir: string;
  /** `process.execPath`. */
  execPath: string;
  /** `process.env.APPIMAGE`: execPath points into a mount that is gone after a reboot. */
  appImagePath: string | undefined;
}

export interface LaunchAtLogin {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export function createLaunchAtLogin(options: LaunchAtLoginOptions): LaunchAtLogin {
  if (options.platform !== 'linux') {
    // Windows reports the Run entry as on only when asked with the arguments it was written with;
    // asked without, it always says off, and turning the option off would then never remove it.
    const args = [HIDDEN_FLAG];
    return {
      isEnabled: async () => options.loginItems.getLoginItemSettings({ args }).openAtLogin,
      setEnabled: async (enabled) => options.loginItems.setLoginItemSettings({ openAtLogin: enabled, args }),
    };
  }
  const entryPath = path.posix.join(options.autostartDir, `${options.appId}.desktop`);
  const executable = options.appImagePath ?? options.execPath;
  return {
    isEnabled: async () => {
      const text = await options.files.readFile(entryPath);
      return text !== null && !/^Hidden\s*=\s*true\s*$/m.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text);
    },
    setEnabled: async (enabled) => {
      if (enabled) await options.files.writeFile(entryPath, autostartDesktopEntry(executable));
      else await options.files.removeFile(entryPath);
    },
  };
}

/** An XDG autostart entry. Exec quoting follows the Desktop Entry spec ("Exec key"). */
export function autostartDesktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Gridpass',
    'Comment=Keeps your ShotGrid API login working',
    `Exec=${quoteExecArgument(executable)} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

function quoteExecArgument(argument: string): string {
  const escaped = argument.replace(/[\\"`$]/g, (c) => `\\${c}`).replace(/%/g, '%%');
  // The desktop-file spec reads backslashes in string values once more, so they are doubled again.
  return `"${escaped.replace(/\\/g, '\\\\')}"`;
}
