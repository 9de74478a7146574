import { describe, expect, it } from 'vitest';
import { isExemptFromProxy } from '../../../src/net/no-proxy';

describe('isExemptFromProxy: the one NO_PROXY matcher', () => {
  it.each([
    // Domains, leading dots and wildcards.
    ['site.shotgrid.autodesk.com', 443, '.shotgrid.autodesk.com', true],
    ['site.shotgrid.autodesk.com', 443, '*.shotgrid.autodesk.com', true],
    ['site.shotgrid.autodesk.com', 443, 'shotgrid.autodesk.com', true],
    ['shotgrid.autodesk.com', 443, '.shotgrid.autodesk.com', true],
    ['shotgrid.autodesk.com', 443, '*.shotgrid.autodesk.com', true],
    ['notshotgrid.autodesk.com', 443, 'shotgrid.autodesk.com', false],
    ['notshotgrid.autodesk.com', 443, '.shotgrid.autodesk.com', false],
    ['site.shotgrid.autodesk.com', 443, 'localhost, 127.0.0.1  example.com', false],
    ['site.shotgrid.autodesk.com', 443, '*', true],
    ['site.shotgrid.autodesk.com', 443, 'intranet,*', true],
    ['site.shotgrid.autodesk.com', 443, '.', false],
    ['site.shotgrid.autodesk.com', 443, '*.', false],
    ['SITE.Shotgrid.Autodesk.com', 443, 'site.shotgrid.autodesk.com', true],
    ['site.example.', 443, 'SITE.EXAMPLE', true],
    ['site.example', 443, 'site.example.', true],
    // Ports.
    ['site.example', 443, 'site.example:443', true],
    ['site.example', 8443, 'site.example:443', false],
    ['sg.site.example', 8443, '.site.example:8443', true],
    ['site.example', 8443, 'site.example', true],
    // IPv4.
    ['127.0.0.1', 8765, '127.0.0.1', true],
    ['127.0.0.10', 8765, '127.0.0.1', false],
    ['10.1.2.3', 80, '10.1.2.3:80', true],
    // IPv6, bracketed or bare, host given with or without brackets.
    ['::1', 8765, '[::1]', true],
    ['[::1]', 8765, '[::1]', true],
    ['[::1]', 8765, '::1', true],
    ['::1', 8765, '::1', true],
    ['[::1]', 8765, '[::1]:8765', true],
    ['[::1]', 8765, '[::1]:443', false],
    ['[fe80::1]', 443, 'fe80::1', true],
    ['[fe80::1]', 443, 'FE80::1', true],
    ['[fe80::10]', 443, 'fe80::1', false],
    ['[::1]', 1, '::1:1', false],
    ['site.example', 443, '[::1]', false],
    ['site.example', 443, null, false],
    ['site.example', 443, '', false],
  ] as const)('%s:%i with NO_PROXY %j -> %s', (host, port, noProxy, exempt) => {
    expect(isExemptFromProxy(host, port, noProxy)).toBe(exempt);
  });
});
