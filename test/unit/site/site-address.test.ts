import { describe, expect, it } from 'vitest';
import { parseSiteAddress, siteFromOrigin } from '../../../src/site/site-address';
import type { SiteAddressError } from '../../../src/site/site-address';

const accepted: Array<[input: string, origin: string, isLoopback?: boolean]> = [
  ['mystudio', 'https://mystudio.shotgrid.autodesk.com'],
  ['MyStudio', 'https://mystudio.shotgrid.autodesk.com'],
  ['my-studio-2', 'https://my-studio-2.shotgrid.autodesk.com'],
  ['mystudio.shotgrid.autodesk.com', 'https://mystudio.shotgrid.autodesk.com'],
  ['MyStudio.ShotGrid.Autodesk.com/', 'https://mystudio.shotgrid.autodesk.com'],
  ['https://mystudio.shotgunstudio.com/page/123#x', 'https://mystudio.shotgunstudio.com'],
  ['mystudio.shotgunstudio.com', 'https://mystudio.shotgunstudio.com'],
  ['  mystudio.shotgrid.autodesk.com \n', 'https://mystudio.shotgrid.autodesk.com'],
  ['\tmystudio\r\n', 'https://mystudio.shotgrid.autodesk.com'],
  ['HTTPS://MYSTUDIO.SHOTGRID.AUTODESK.COM', 'https://mystudio.shotgrid.autodesk.com'],
  ['https://mystudio.shotgrid.autodesk.com/detail/Shot/1234?tab=notes', 'https://mystudio.shotgrid.autodesk.com'],
  ['https://mystudio.shotgrid.autodesk.com?x=1', 'https://mystudio.shotgrid.autodesk.com'],
  ['https://mystudio.shotgrid.autodesk.com#top', 'https://mystudio.shotgrid.autodesk.com'],
  ['http://mystudio.shotgrid.autodesk.com', 'https://mystudio.shotgrid.autodesk.com'],
  ['http://mystudio.shotgrid.autodesk.com:80/', 'https://mystudio.shotgrid.autodesk.com'],
  ['https://mystudio.shotgrid.autodesk.com:443', 'https://mystudio.shotgrid.autodesk.com'],
  ['https://sg.studio.example:8443/page', 'https://sg.studio.example:8443'],
  ['http://sg.studio.example:8080', 'https://sg.studio.example:8080'],
  ['sg.studio.example:8443', 'https://sg.studio.example:8443'],
  ['mystudio:8443', 'https://mystudio.shotgrid.autodesk.com:8443'],
  ['//mystudio.shotgrid.autodesk.com/page', 'https://mystudio.shotgrid.autodesk.com'],
  ['mystudio.shotgrid.autodesk.com.', 'https://mystudio.shotgrid.autodesk.com'],
  ['10.0.0.5', 'https://10.0.0.5'],
  ['http://127.0.0.1:8765/api3/json', 'http://127.0.0.1:8765', true],
  ['http://127.0.0.1', 'http://127.0.0.1', true],
  ['https://127.0.0.1:9443', 'https://127.0.0.1:9443', true],
  ['127.0.0.1:8765', 'http://127.0.0.1:8765', true],
  ['127.1.2.3:8765', 'http://127.1.2.3:8765', true],
  ['localhost', 'http://localhost', true],
  ['localhost:3000', 'http://localhost:3000', true],
  ['http://LocalHost:3000/', 'http://localhost:3000', true],
  ['http://localhost:80', 'http://localhost', true],
  ['http://[::1]:8765', 'http://[::1]:8765', true],
  ['[0:0:0:0:0:0:0:1]:8765', 'http://[::1]:8765', true],
  ['https://[2001:db8::1]/', 'https://[2001:db8::1]'],
  ['http:mystudio.shotgrid.autodesk.com', 'https://mystudio.shotgrid.autodesk.com'],
  [`${'a'.repeat(63)}.example.com`, `https://${'a'.repeat(63)}.example.com`],
];

const refused: Array<[input: string, kind: SiteAddressError['kind']]> = [
  ['', 'empty'],
  ['   \n\t ', 'empty'],
  [`https://mystudio.shotgrid.autodesk.com/${'x'.repeat(2100)}`, 'too-long'],
  ['javascript:alert(1)', 'unsupported-scheme'],
  ['JavaScript:alert(document.cookie)', 'unsupported-scheme'],
  ['file:///etc/passwd', 'unsupported-scheme'],
  ['ftp://mystudio.shotgrid.autodesk.com', 'unsupported-scheme'],
  ['mailto:someone@studio.com', 'unsupported-scheme'],
  ['data:text/html,<b>hi</b>', 'unsupported-scheme'],
  ['ssh://mystudio.shotgrid.autodesk.com', 'unsupported-scheme'],
  ['https://artist:s3cret-pass@mystudio.shotgrid.autodesk.com', 'credentials'],
  ['artist:s3cret-pass@mystudio.shotgrid.autodesk.com', 'credentials'],
  ['artist@mystudio.shotgrid.autodesk.com', 'credentials'],
  ['my studio.shotgrid.autodesk.com', 'space-in-host'],
  ['https://my studio', 'space-in-host'],
  ['mystudio .shotgrid.autodesk.com', 'space-in-host'],
  ['my_studio.shotgrid.autodesk.com', 'invalid-host'],
  ['mystudio..shotgrid.autodesk.com', 'invalid-host'],
  ['.shotgrid.autodesk.com', 'invalid-host'],
  [`${'a'.repeat(64)}.shotgrid.autodesk.com`, 'invalid-host'],
  ['-mystudio.shotgrid.autodesk.com', 'invalid-host'],
  ['mystudio-.shotgrid.autodesk.com', 'invalid-host'],
  ['mystüdio.shotgrid.autodesk.com', 'invalid-host'],
  ['https://', 'invalid-host'],
  ['https:///page', 'invalid-host'],
  ['999.1.1.1', 'invalid-host'],
  ['::1', 'invalid-host'],
  ['[::zz]:80', 'invalid-host'],
  ['[::1', 'invalid-host'],
  ['mystudio.shotgrid.autodesk.com:abc', 'invalid-port'],
  ['mystudio.shotgrid.autodesk.com:0', 'invalid-port'],
  ['mystudio.shotgrid.autodesk.com:65536', 'invalid-port'],
  ['mystudio.shotgrid.autodesk.com:', 'invalid-port'],
  ['https://mystudio.shotgrid.autodesk.com:-1/', 'invalid-port'],
  ['localhost:99999', 'invalid-port'],
];

describe('parseSiteAddress', () => {
  it.each(accepted)('accepts %j as %s', (input, origin, isLoopback = false) => {
    const result = parseSiteAddress(input);
    expect(result).toMatchObject({ ok: true, site: { origin, isLoopback } });
  });

  it.each(refused)('refuses %j as %s', (input, kind) => {
    const result = parseSiteAddress(input);
    expect(result).toMatchObject({ ok: false, error: { kind } });
  });

  it('splits host and explicit port out of the origin', () => {
    expect(parseSiteAddress('https://sg.studio.example:8443/x')).toEqual({
      ok: true,
      site: { origin: 'https://sg.studio.example:8443', host: 'sg.studio.example', port: 8443, isLoopback: false },
    });
    expect(parseSiteAddress('http://[::1]:8765')).toMatchObject({ ok: true, site: { host: '[::1]', port: 8765 } });
  });

  it('gives each kind of refusal its own plain-language message', () => {
    const messages = new Map<string, string>();
    for (const [input, kind] of refused) {
      const result = parseSiteAddress(input);
      if (!result.ok) messages.set(kind, result.error.message);
    }
    expect(messages.size).toBe(7);
    expect(new Set(messages.values()).size).toBe(7);
    for (const message of messages.values()) {
      expect(message).toMatch(/^[A-Z"].*\.$/s);
      expect(message.length).toBeLessThan(300);
    }
  });

  it('never repeats a password typed into the address', () => {
    for (const input of ['https://artist:Hunter2-secret@mystudio.shotgrid.autodesk.com', 'artist:Hunter2-secret@mystudio']) {
      const result = parseSiteAddress(input);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain('Hunter2');
    }
  });

  it('names the refused scheme so the person can see what was wrong', () => {
    const result = parseSiteAddress('ftp://mystudio.shotgrid.autodesk.com');
    expect(result).toMatchObject({ ok: false, error: { scheme: 'ftp' } });
    if (!result.ok) expect(result.error.message).toContain('https://');
  });

  it('quotes at most a short piece of a bad host back', () => {
    const result = parseSiteAddress(`${'x_'.repeat(500)}.com`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(250);
  });

  it('accepts exactly 2048 characters and refuses 2049', () => {
    const base = 'https://mystudio.shotgrid.autodesk.com/';
    expect(parseSiteAddress(base + 'x'.repeat(2048 - base.length)).ok).toBe(true);
    expect(parseSiteAddress(base + 'x'.repeat(2049 - base.length))).toMatchObject({ ok: false, error: { kind: 'too-long' } });
  });
});

describe('siteFromOrigin', () => {
  it('returns the site for a normalised origin', () => {
    expect(siteFromOrigin('http://127.0.0.1:8765')).toEqual({
      origin: 'http://127.0.0.1:8765',
      host: '127.0.0.1',
      port: 8765,
      isLoopback: true,
    });
  });

  it('throws on anything that is not already a normalised origin', () => {
    expect(() => siteFromOrigin('mystudio')).toThrow(/normalised/);
    expect(() => siteFromOrigin('javascript:alert(1)')).toThrow(/Not a site origin/);
  });
});
