import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManagedConfig, managedConfigPaths, parseManagedConfig } from '../../../src/app-shell/managed-config';

const FILE = '/etc/gridpass/managed.json';

describe('managedConfigPaths', () => {
  it('lists the system-wide file first, then the one next to the app', () => {
    expect(managedConfigPaths({ platform: 'linux', env: {}, executableDir: '/opt/Gridpass', resourcesDir: '/opt/Gridpass/resources' }))
      .toEqual(['/etc/gridpass/managed.json', '/opt/Gridpass/gridpass-managed.json']);
    expect(managedConfigPaths({ platform: 'win32', env: { ProgramData: 'D:\\ProgramData' }, executableDir: 'C:\\Program Files\\Gridpass', resourcesDir: null }))
      .toEqual(['D:\\ProgramData\\Gridpass\\managed.json', 'C:\\Program Files\\Gridpass\\gridpass-managed.json']);
    expect(managedConfigPaths({ platform: 'darwin', env: {}, executableDir: '/Applications/Gridpass.app/Contents/MacOS', resourcesDir: '/Applications/Gridpass.app/Contents/Resources' }))
      .toEqual(['/Library/Application Support/Gridpass/managed.json', '/Applications/Gridpass.app/Contents/Resources/gridpass-managed.json']);
  });

  it('falls back to the usual ProgramData and skips the app folder when it is unknown', () => {
    expect(managedConfigPaths({ platform: 'win32', env: {}, executableDir: null, resourcesDir: null })).toEqual(['C:\\ProgramData\\Gridpass\\managed.json']);
  });
});

describe('parseManagedConfig', () => {
  it('reads every field into the view the renderer shows', () => {
    const text = JSON.stringify({
      studioName: 'Northlight VFX',
      site: 'northlight',
      siteLocked: true,
      supportContact: 'pipeline@northlight.example',
      helpUrl: 'https://wiki.northlight.example/gridpass',
      checkIntervalHours: 4,
      extraAllowedHosts: ['Wiki.Northlight.Example', 'wiki.northlight.example'],
    });
    expect(parseManagedConfig(text, FILE)).toEqual({
      ok: true,
      config: {
        source: FILE,
        studioName: 'Northlight VFX',
        site: 'https://northlight.shotgrid.autodesk.com',
        siteLocked: true,
        supportContact: 'pipeline@northlight.example',
        helpUrl: 'https://wiki.northlight.example/gridpass',
        checkIntervalHours: 4,
        extraAllowedHosts: ['wiki.northlight.example'],
      },
      notices: [],
    });
  });

  it('writes extra hosts the way a browser address names them, so the link policy can match them', () => {
    const text = JSON.stringify({ extraAllowedHosts: ['wiki.northlight.example:443', 'tools.northlight.example:8443', 'Bücher.example'] });
    const result = parseManagedConfig(text, FILE);
    expect(result.ok && result.config.extraAllowedHosts).toEqual(['wiki.northlight.example', 'tools.northlight.example:8443', 'xn--bcher-kva.example']);
  });

  it('accepts an empty object, and a byte-order mark, as "nothing managed"', () => {
    expect(parseManagedConfig('\uFEFF{}', FILE)).toEqual({
      ok: true,
      config: { source: FILE, studioName: null, site: null, siteLocked: false, supportContact: null, helpUrl: null, checkIntervalHours: null, extraAllowedHosts: [] },
      notices: [],
    });
  });

  it.each([
    [{ checkIntervalHours: 0 }, '"checkIntervalHours" must be a whole number from 1 to 168.'],
    [{ checkIntervalHours: 2.5 }, '"checkIntervalHours" must be a whole number from 1 to 168.'],
    [{ checkIntervalHours: '6' }, '"checkIntervalHours" must be a whole number from 1 to 168.'],
    [{ helpUrl: 'http://wiki.example/' }, '"helpUrl" must be an https:// address.'],
    [{ helpUrl: 'wiki' }, '"helpUrl" must be an https:// address.'],
    [{ siteLocked: 'yes', site: 'x' }, '"siteLocked" must be true or false.'],
    [{ siteLocked: true }, '"siteLocked" needs a "site" to lock.'],
    [{ supportContact: '   ' }, '"supportContact" must not be empty.'],
    [{ extraAllowedHosts: 'wiki.example' }, '"extraAllowedHosts" must be a list of host names, e.g. ["wiki.mystudio.com"].'],
    [{ chekIntervalHours: 4 }, 'unknown field "chekIntervalHours" (known fields: studioName, site, siteLocked, supportContact, helpUrl, checkIntervalHours, extraAllowedHosts).'],
  ])('explains %j with the file and the field', (content, message) => {
    expect(parseManagedConfig(JSON.stringify(content), FILE)).toEqual({ ok: false, message: `${FILE}: ${message}` });
  });

  it.each([
    ['a path that makes it look like an allowed host', 'evil.example/.wiki.example'],
    ['an https:// address with a path', 'https://wiki.example/path'],
    ['a user name', 'admin@wiki.example'],
    ['a backslash', 'evil.example\\.wiki.example'],
    ['a query', 'evil.example?.wiki.example'],
    ['a fragment', 'evil.example#.wiki.example'],
    ['a percent escape', 'evil%2eexample'],
    ['a space', 'evil.example wiki.example'],
    ['a port out of range', 'wiki.example:99999'],
    ['port zero', 'wiki.example:0'],
    ['a trailing dot', 'wiki.example.'],
  ])('refuses an extra host with %s by name, never cutting it down, and keeps the rest of the file', (_name, entry) => {
    const result = parseManagedConfig(JSON.stringify({ site: 'northlight', siteLocked: true, extraAllowedHosts: ['ok.example', entry] }), FILE);
    if (!result.ok) throw new Error(result.message);
    expect(result.config).toMatchObject({ site: 'https://northlight.shotgrid.autodesk.com', siteLocked: true, extraAllowedHosts: ['ok.example'] });
    expect(result.notices).toEqual([
      `${FILE}: "extraAllowedHosts" entry 2 (${JSON.stringify(entry)}) is not a plain host name such as "wiki.mystudio.com" ` +
        '(no https://, no path, no user name); that entry was refused and Gridpass will not open pages on it.',
    ]);
  });

  it('refuses an extra host entry that is not text, naming it', () => {
    const result = parseManagedConfig(JSON.stringify({ extraAllowedHosts: [42, 'ok.example'] }), FILE);
    expect(result).toMatchObject({ ok: true, config: { extraAllowedHosts: ['ok.example'] }, notices: [expect.stringContaining('entry 1 (42) is not a plain host name')] });
  });

  it('passes on the site parser\'s plain-language refusal', () => {
    const result = parseManagedConfig(JSON.stringify({ site: 'https://admin:pw@mystudio.shotgrid.autodesk.com' }), FILE);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^\/etc\/gridpass\/managed.json: "site" is not a usable site address: Leave your login and password out/);
      expect(result.message).not.toContain('pw@');
    }
  });

  it('says so when the file is not JSON or not an object', () => {
    expect(parseManagedConfig('{ site: mystudio }', FILE)).toMatchObject({ ok: false, message: expect.stringMatching(/^\/etc\/gridpass\/managed.json: not valid JSON/) });
    expect(parseManagedConfig('["mystudio"]', FILE)).toMatchObject({ ok: false, message: expect.stringContaining('must contain one JSON object') });
  });
});

describe('loadManagedConfig', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  /** Real files in a folder of their own: text, or a maker for what stands at the path. */
  function files(content: Record<string, string | ((file: string) => void)>): (name: string) => string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-managed-'));
    dirs.push(dir);
    for (const [name, what] of Object.entries(content)) {
      const file = path.join(dir, name);
      if (typeof what === 'string') fs.writeFileSync(file, what);
      else what(file);
    }
    return (name) => path.join(dir, name);
  }

  it('uses the first file that exists', async () => {
    const at = files({ 'b.json': '{"studioName":"B"}', 'c.json': '{"studioName":"C"}' });
    const load = await loadManagedConfig([at('a.json'), at('b.json'), at('c.json')]);
    expect(load.config?.studioName).toBe('B');
    expect(load.config?.source).toBe(at('b.json'));
    expect(load.notices).toEqual([]);
  });

  it('ignores an invalid file, or a folder in its place, with a notice, and never throws', async () => {
    const at = files({ 'a.json': '{"checkIntervalHours": 500}', 'b.json': (file) => fs.mkdirSync(file), 'c.json': '{"studioName":"C"}' });
    const load = await loadManagedConfig([at('a.json'), at('b.json'), at('c.json')]);
    expect(load.config?.studioName).toBe('C');
    expect(load.notices).toEqual([
      `${at('a.json')}: "checkIntervalHours" must be a whole number from 1 to 168. The file was ignored.`,
      `${at('b.json')}: it is a folder, not a file; ignored.`,
    ]);
  });

  it('refuses an oversized file by its size, without reading it whole', async () => {
    const at = files({ 'a.json': (file) => {
      fs.writeFileSync(file, '{"studioName":"A"}');
      fs.truncateSync(file, 300 * 1024 * 1024);
    } });
    const load = await loadManagedConfig([at('a.json')]);
    expect(load).toEqual({ config: null, notices: [`${at('a.json')}: it is larger than 64 KiB, far more than it can hold; ignored.`] });
  });

  it('refuses a named pipe (FIFO) at once instead of waiting for someone to write to it', async () => {
    const at = files({ 'a.json': (file) => execFileSync('mkfifo', [file]), 'b.json': '{"studioName":"B"}' });
    // Opening the pipe for reading the usual way would block start-up until this test timed out.
    const load = await loadManagedConfig([at('a.json'), at('b.json')]);
    expect(load.config?.studioName).toBe('B');
    expect(load.notices).toEqual([`${at('a.json')}: it is a named pipe (FIFO), not a file; ignored.`]);
  });

  it('refuses a device at once instead of reading from it', async () => {
    const at = files({ 'a.json': (file) => fs.symlinkSync('/dev/zero', file) });
    expect(await loadManagedConfig([at('a.json')])).toEqual({ config: null, notices: [`${at('a.json')}: it is a device, not a file; ignored.`] });
  });

  it('passes on the notices of entries it refused along with the file it used', async () => {
    const at = files({ 'a.json': '{"studioName":"A","extraAllowedHosts":["wiki.a.example","evil.example/.wiki.a.example"]}' });
    const load = await loadManagedConfig([at('a.json')]);
    expect(load.config).toMatchObject({ studioName: 'A', extraAllowedHosts: ['wiki.a.example'] });
    expect(load.notices).toEqual([expect.stringContaining('entry 2 ("evil.example/.wiki.a.example") is not a plain host name')]);
  });
});
