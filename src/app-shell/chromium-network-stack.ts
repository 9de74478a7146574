/**
 * Describes the app's network stack for reports: Electron's `net.fetch` goes through Chromium, so the
 * proxy is whatever the system settings (or a PAC script) say, which `session.resolveProxy()` reports
 * as e.g. "PROXY proxy.studio:3128; DIRECT". Support staff need that to tell a proxy problem from a
 * site problem.
 */
import type { NetworkStackInfo } from '../net/network-stack';
import { redactProxy } from '../net/redact-proxy';

export function chromiumNetworkStack(resolvedProxy: string): NetworkStackInfo {
  const routes = resolvedProxy.split(';').map((route) => route.trim()).filter((route) => route !== '' && route.toUpperCase() !== 'DIRECT');
  return {
    stack: 'chromium',
    proxy: routes.length === 0 ? null : routes.map(redactProxy).join('; '),
    noProxy: null,
    extraCaCerts: null,
  };
}
