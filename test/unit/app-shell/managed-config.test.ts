import { describe, expect, it } from 'vitest';
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
    [{ extraAllowedHosts: ['ok.example', 'https://wiki.example/path'] }, '"extraAllowedHosts" entry 2 must be host names such as "wiki.mystudio.com" (no https://, no path).'],
    [{ extraAllowedHosts: ['wiki.example:99999'] }, '"extraAllowedHosts" entry 1 must be host names such as "wiki.mystudio.com" (no https://, no path).'],
    [{ extraAllowedHosts: ['wiki.example:0'] }, '"extraAllowedHosts" entry 1 must be host names such as "wiki.mystudio.com" (no https://, no path).'],
    [{ extraAllowedHosts: ['wiki.example.'] }, '"extraAllowedHosts" entry 1 must be host names such as "wiki.mystudio.com" (no https://, no path).'],
    [{ chekIntervalHours: 4 }, 'unknown field "chekIntervalHours" (known fields: studioName, site, siteLocked, supportContact, helpUrl, checkIntervalHours, extraAllowedHosts).'],
  ])('explains %j with the file and the field', (content, message) => {
    expect(parseManagedConfig(JSON.stringify(content), FILE)).toEqual({ ok: false, message: `${FILE}: ${message}` });
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
  const reader = (files: Record<string, string | Error>) => ({
    readFile: async (filePath: string) => {
      const content = files[filePath];
      if (content instanceof Error) throw content;
      return content ?? null;
    },
  });

  it('uses the first file that exists', async () => {
    const load = await loadManagedConfig(['/a.json', '/b.json', '/c.json'], reader({ '/b.json': '{"studioName":"B"}', '/c.json': '{"studioName":"C"}' }));
    expect(load.config?.studioName).toBe('B');
    expect(load.config?.source).toBe('/b.json');
    expect(load.notices).toEqual([]);
  });

  it('ignores an invalid or unreadable file with a notice, and never throws', async () => {
    const load = await loadManagedConfig(['/a.json', '/b.json', '/c.json'], reader({
      '/a.json': '{"checkIntervalHours": 500}',
      '/b.json': Object.assign(new Error('denied'), { code: 'EACCES' }),
      '/c.json': '{"studioName":"C"}',
    }));
    expect(load.config?.studioName).toBe('C');
    expect(load.notices).toEqual([
      '/a.json: "checkIntervalHours" must be a whole number from 1 to 168. The file was ignored.',
      '/b.json: cannot be read (EACCES); ignored.',
    ]);
  });

  it('refuses an oversized file', async () => {
    const load = await loadManagedConfig(['/a.json'], reader({ '/a.json': `{"studioName":"${'x'.repeat(70_000)}"}` }));
    expect(load).toEqual({ config: null, notices: ['/a.json: larger than 64 KB; ignored.'] });
  });
});
