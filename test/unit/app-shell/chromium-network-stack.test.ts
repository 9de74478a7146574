import { describe, expect, it } from 'vitest';
import { chromiumNetworkStack } from '../../../src/app-shell/chromium-network-stack';

describe('chromiumNetworkStack', () => {
  it('reports a direct connection as no proxy', () => {
    expect(chromiumNetworkStack('DIRECT')).toEqual({ stack: 'chromium', proxy: null, noProxy: null, extraCaCerts: null });
  });

  it('reports the proxy routes Chromium resolved, without the direct fallback', () => {
    expect(chromiumNetworkStack('PROXY proxy.studio.example:3128; DIRECT').proxy).toBe('PROXY proxy.studio.example:3128');
    expect(chromiumNetworkStack('HTTPS secure.proxy:443;SOCKS5 socks.proxy:1080').proxy).toBe('HTTPS secure.proxy:443; SOCKS5 socks.proxy:1080');
  });
});
