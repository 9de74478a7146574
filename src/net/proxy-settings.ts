import { isExemptFromProxy } from './no-proxy';

/**
 * The proxy environment, read the way undici and curl read it (lower-case names win). The CLI routes each
 * request by proxyFor, so the report and the error messages describe the proxy that was really used.
 */
export interface ProxySettings {
  /** For http sites; also for https sites when no https proxy is set, as undici does. */
  httpProxy: string | null;
  httpsProxy: string | null;
  /** As the person set it, for reports. */
  noProxy: string | null;
  /** What is handed to the agent: the person's list plus the loopback names. */
  effectiveNoProxy: string;
}

/**
 * Loopback never goes through a proxy, as in Chromium: a studio proxy cannot reach this machine's
 * practice site, and a request to it must not leave the machine.
 */
const LOOPBACK_BYPASS = ['localhost', '127.0.0.1', '[::1]'];

export function readProxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const httpProxy = normaliseProxy(env.http_proxy ?? env.HTTP_PROXY);
  const httpsProxy = normaliseProxy(env.https_proxy ?? env.HTTPS_PROXY);
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').trim();
  return {
    httpProxy,
    httpsProxy,
    noProxy: noProxy === '' ? null : noProxy,
    effectiveNoProxy: noProxy === '*' ? '*' : [noProxy, ...LOOPBACK_BYPASS].filter((entry) => entry !== '').join(','),
  };
}

/** The proxy a request to `url` goes through, or `null` when it goes direct: the CLI's fetch routes by this. */
export function proxyFor(settings: ProxySettings, url: string): string | null {
  const target = new URL(url);
  const proxy = target.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy;
  if (proxy === null) return null;
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  return isExemptFromProxy(target.hostname, port, settings.effectiveNoProxy) ? null : proxy;
}

/** People write `proxy.corp:3128` as often as `http://proxy.corp:3128`; curl takes both, so do we. */
function normaliseProxy(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
}
