import { describe, expect, it } from 'vitest';
import { appCliArguments } from '../../../src/app-shell/app-cli-arguments';

describe('the gridpass command inside the app binary', () => {
  it('runs a command given to the packaged app, with everything after it', () => {
    expect(appCliArguments(['/opt/Gridpass/gridpass', 'session', '--site', 'mystudio', '--json'], false)).toEqual(['session', '--site', 'mystudio', '--json']);
    expect(appCliArguments(['C:\\Gridpass\\Gridpass.exe', 'accounts', '--json'], false)).toEqual(['accounts', '--json']);
  });

  it('skips Chromium switches and, unpackaged, the app path', () => {
    expect(appCliArguments(['/usr/bin/electron', '--no-sandbox', 'out/main/main.js', 'session', '--site', 'S'], true)).toEqual(['session', '--site', 'S']);
    expect(appCliArguments(['/opt/Gridpass/gridpass', '--no-sandbox', 'session'], false)).toEqual(['session']);
  });

  it('leaves an ordinary start, a launch at login and a deep link to the app', () => {
    expect(appCliArguments(['/opt/Gridpass/gridpass'], false)).toBeNull();
    expect(appCliArguments(['/opt/Gridpass/gridpass', '--hidden'], false)).toBeNull();
    expect(appCliArguments(['/opt/Gridpass/gridpass', 'gridpass://setup?site=mystudio'], false)).toBeNull();
    expect(appCliArguments(['/usr/bin/electron', 'out/main/main.js'], true)).toBeNull();
    expect(appCliArguments(['/opt/Gridpass/gridpass', 'sesion'], false)).toBeNull();
  });
});
