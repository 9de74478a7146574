import { describe, expect, it } from 'vitest';
import { proxyFor, readProxySettings } from '../../../src/net/proxy-settings';

describe('readProxySettings', () => {
  it('reads nothing from an empty environment', () => {
    expect(readProxySettings({})).toEqual({ httpProxy: null, httpsProxy: null, noProxy: null, effectiveNoProxy: 'localhost,127.0.0.1,[::1]' });
  });

  it('prefers the lower-case names, as undici does', () => {
    const settings = readProxySettings({ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', HTTP_PROXY: 'http://plain:3', NO_PROXY: '.corp', no_proxy: '.lower' });
    expect(settings).toMatchObject({ httpsProxy: 'http://lower:1', httpProxy: 'http://plain:3', noProxy: '.lower' });
  });

  it('reads the upper-case names', () => {
    expect(readProxySettings({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'intranet' })).toMatchObject({
      httpsProxy: 'http://proxy.corp:3128',
      noProxy: 'intranet',
      effectiveNoProxy: 'intranet,localhost,127.0.0.1,[::1]',
    });
  });

  it('takes a proxy written without a scheme as http', () => {
    expect(readProxySettings({ HTTPS_PROXY: 'proxy.corp:3128' }).httpsProxy).toBe('http://proxy.corp:3128');
  });

  it('treats blank values as unset', () => {
    expect(readProxySettings({ HTTPS_PROXY: '  ', NO_PROXY: '' })).toMatchObject({ httpsProxy: null, noProxy: null });
  });
});

describe('proxyFor', () => {
  const settings = readProxySettings({ HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2', NO_PROXY: 'intranet.corp, .studio.lan,  other.example:8443' });

  it.each([
    ['https://mystudio.shotgrid.autodesk.com/api3/json', 'http://secure:1'],
    ['http://mystudio.example/api3/json', 'http://plain:2'],
    ['https://intranet.corp/api3/json', null],
    ['https://sg.intranet.corp/api3/json', null],
    ['https://notintranet.corp/api3/json', 'http://secure:1'],
    ['https://sg.studio.lan/api3/json', null],
    ['https://other.example:8443/', null],
    ['https://other.example/', 'http://secure:1'],
    ['http://127.0.0.1:8765/api3/json', null],
    ['http://localhost:8765/api3/json', null],
    ['http://[::1]:8765/api3/json', null],
  ])('%s goes through %s', (url, expected) => {
    expect(proxyFor(settings, url)).toBe(expected);
  });

  it('uses the http proxy for https sites when no https proxy is set', () => {
    expect(proxyFor(readProxySettings({ HTTP_PROXY: 'http://plain:2' }), 'https://mystudio.shotgrid.autodesk.com/')).toBe('http://plain:2');
  });

  it('bypasses everything for NO_PROXY=*', () => {
    expect(proxyFor(readProxySettings({ HTTPS_PROXY: 'http://secure:1', NO_PROXY: '*' }), 'https://mystudio.shotgrid.autodesk.com/')).toBeNull();
  });
});
