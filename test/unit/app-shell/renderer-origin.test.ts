import { describe, expect, it } from 'vitest';
import { isTrustedOrigin, originOf, rendererLocation } from '../../../src/app-shell/renderer-origin';

describe('rendererLocation', () => {
  it('loads and trusts only app://bundle when packaged, whatever the environment says', () => {
    expect(rendererLocation({ isPackaged: true, devServerUrl: undefined })).toEqual({
      entryUrl: 'app://bundle/index.html', trustedOrigins: ['app://bundle'], notice: null,
    });
    const packaged = rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173/' });
    expect(packaged.trustedOrigins).toEqual(['app://bundle']);
    expect(packaged.notice).toMatch(/packaged builds/);
  });

  it('trusts a loopback dev server in an unpackaged build, and only that origin', () => {
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual({
      entryUrl: 'http://localhost:5173/', trustedOrigins: ['http://localhost:5173'], notice: null,
    });
  });

  it.each(['https://example.com:5173/', 'file:///tmp/index.html', 'javascript:alert(1)', 'nonsense'])(
    'refuses %s as a dev server',
    (devServerUrl) => {
      const location = rendererLocation({ isPackaged: false, devServerUrl });
      expect(location.trustedOrigins).toEqual(['app://bundle']);
      expect(location.notice).toMatch(/on this computer/);
    },
  );
});

describe('isTrustedOrigin', () => {
  const trusted = ['app://bundle'];
  it('accepts pages of the bundle', () => {
    expect(isTrustedOrigin('app://bundle/index.html#/wizard', trusted)).toBe(true);
    expect(isTrustedOrigin('APP://BUNDLE/index.html', trusted)).toBe(true);
  });
  it.each([
    'https://bundle/', 'app://bundle.evil.com/', 'app://bundle:1/', 'app://evil@bundle/',
    'https://example.com/app://bundle/', 'file:///app/bundle', 'about:blank', '',
  ])('rejects %s', (url) => {
    expect(isTrustedOrigin(url, trusted)).toBe(false);
  });
  it('computes origins for custom schemes, which Node reports as "null"', () => {
    expect(originOf('app://bundle/x')).toBe('app://bundle');
    expect(originOf('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1:5173');
  });
});
