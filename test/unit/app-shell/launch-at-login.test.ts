import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, createLaunchAtLogin, HIDDEN_FLAG } from '../../../src/app-shell/launch-at-login';
import type { LaunchAtLoginOptions } from '../../../src/app-shell/launch-at-login';

function setup(platform: string, overrides: Partial<LaunchAtLoginOptions> = {}) {
  const files = new Map<string, string>();
  const loginItemCalls: Array<{ openAtLogin: boolean; args?: string[] }> = [];
  let openAtLogin = false;
  let registeredArgs: string[] = [];
  const launch = createLaunchAtLogin({
    platform,
    appId: 'com.gridpass.app',
    autostartDir: '/home/alex/.config/autostart',
    execPath: '/opt/Gridpass/gridpass',
    appImagePath: undefined,
    loginItems: {
      // As Electron does on Windows: the Run entry counts only when asked with the arguments it was written with.
      getLoginItemSettings: (options) => ({
        openAtLogin: openAtLogin && (platform !== 'win32' || (options?.args ?? []).join(' ') === registeredArgs.join(' ')),
      }),
      setLoginItemSettings: (settings) => {
        loginItemCalls.push(settings);
        openAtLogin = settings.openAtLogin;
        registeredArgs = settings.args ?? [];
      },
    },
    files: {
      readFile: async (file) => files.get(file) ?? null,
      writeFile: async (file, text) => { files.set(file, text); },
      removeFile: async (file) => { files.delete(file); },
    },
    ...overrides,
  });
  return { launch, files, loginItemCalls };
}

describe('createLaunchAtLogin', () => {
  it.each(['darwin', 'win32'])('uses login items on %s, starting hidden, and turns them off again', async (platform) => {
    const { launch, loginItemCalls } = setup(platform);
    expect(await launch.isEnabled()).toBe(false);
    await launch.setEnabled(true);
    expect(loginItemCalls).toEqual([{ openAtLogin: true, args: [HIDDEN_FLAG] }]);
    expect(await launch.isEnabled()).toBe(true);
    await launch.setEnabled(false);
    expect(await launch.isEnabled()).toBe(false);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const { launch, files } = setup('linux');
    await launch.setEnabled(true);
    const entry = files.get('/home/alex/.config/autostart/com.gridpass.app.desktop');
    expect(entry).toContain('Exec="/opt/Gridpass/gridpass" --hidden');
    expect(await launch.isEnabled()).toBe(true);
    await launch.setEnabled(false);
    expect(files.size).toBe(0);
    expect(await launch.isEnabled()).toBe(false);
  });

  it('starts an AppImage from the .AppImage file, not from its temporary mount', async () => {
    const { launch, files } = setup('linux', { execPath: '/tmp/.mount_GridpaXYZ/gridpass', appImagePath: '/home/alex/Apps/Gridpass.AppImage' });
    await launch.setEnabled(true);
    expect([...files.values()][0]).toContain('Exec="/home/alex/Apps/Gridpass.AppImage" --hidden');
  });

  it('treats an entry the desktop disabled as off', async () => {
    const { launch, files } = setup('linux');
    files.set('/home/alex/.config/autostart/com.gridpass.app.desktop', '[Desktop Entry]\nX-GNOME-Autostart-enabled=false\n');
    expect(await launch.isEnabled()).toBe(false);
  });
});

describe('autostartDesktopEntry', () => {
  it('quotes the executable as the Desktop Entry spec asks', () => {
    expect(autostartDesktopEntry('/home/al "x"/100%/$HOME/a\\b')).toContain(
      'Exec="/home/al \\\\"x\\\\"/100%%/\\\\$HOME/a\\\\\\\\b" --hidden',
    );
  });
});
