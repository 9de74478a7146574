import { describe, expect, it } from 'vitest';
import { showWindowOnStartup } from '../../../src/app-shell/startup-window';

describe('showWindowOnStartup', () => {
  it('opens the window when the person starts the app', () => {
    expect(showWindowOnStartup({ startedAtLogin: false, accountsCount: 2, hasSetupLink: false })).toBe(true);
  });
  it('stays in the tray when started at login with logins set up', () => {
    expect(showWindowOnStartup({ startedAtLogin: true, accountsCount: 1, hasSetupLink: false })).toBe(false);
  });
  it('opens the window at login while nothing is set up, or a setup link waits', () => {
    expect(showWindowOnStartup({ startedAtLogin: true, accountsCount: 0, hasSetupLink: false })).toBe(true);
    expect(showWindowOnStartup({ startedAtLogin: true, accountsCount: 3, hasSetupLink: true })).toBe(true);
  });
});
