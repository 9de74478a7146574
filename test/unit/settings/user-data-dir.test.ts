import { describe, expect, it } from 'vitest';
import { userDataDir } from '../../../src/settings/user-data-dir';

describe('the settings folder', () => {
  it('is in Application Support on macOS', () => {
    expect(userDataDir('darwin', {}, '/Users/jane')).toBe('/Users/jane/Library/Application Support/Gridpass');
  });

  it('is in %APPDATA% on Windows, or the usual Roaming folder when it is unset', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\jane\\AppData\\Roaming' }, 'C:\\Users\\jane')).toBe(
      'C:\\Users\\jane\\AppData\\Roaming\\Gridpass',
    );
    expect(userDataDir('win32', {}, 'C:\\Users\\jane')).toBe('C:\\Users\\jane\\AppData\\Roaming\\Gridpass');
  });

  it('follows XDG_CONFIG_HOME on Linux, falling back to ~/.config', () => {
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/data/conf' }, '/home/jane')).toBe('/data/conf/Gridpass');
    expect(userDataDir('linux', {}, '/home/jane')).toBe('/home/jane/.config/Gridpass');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec requires', () => {
    expect(userDataDir('linux', { XDG_CONFIG_HOME: 'conf' }, '/home/jane')).toBe('/home/jane/.config/Gridpass');
  });

  it('is GRIDPASS_HOME on every system when that is set', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(userDataDir(platform, { GRIDPASS_HOME: '/tmp/gp-test', APPDATA: 'C:\\x' }, '/home/jane')).toBe('/tmp/gp-test');
    }
  });
});
