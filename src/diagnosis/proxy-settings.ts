/** What a configured proxy means for one request, with any credentials already stripped. */
export type ProxyRoute =
  | { kind: 'direct' }
  | { kind: 'proxy'; display: string; host: string; port: number }
  | { kind: 'invalid'; display: string; problem: string };

/** Python's API and Toolkit default a bare `host` proxy to this port; Gridpass reads it the same way. */
const bareProxyDefaultPort = 8080;

const chromiumEntry = /^(PROXY|HTTPS|HTTP|SOCKS|SOCKS4|SOCKS5)\s+(\S+)$/i;

/**
 * Reads a proxy setting in any of the forms people and platforms write: a URL, Python's
 * `[user:pass@]host[:port]`, or Chromium's `PROXY host:port; DIRECT`.
 */
export function describeProxy(proxy: string | null): ProxyRoute {
  const setting = proxy?.trim() ?? '';
  if (setting === '') return { kind: 'direct' };
  const first = setting.split(';')[0]?.trim() ?? '';
  if (/^DIRECT$/i.test(first)) return { kind: 'direct' };
  const entry = chromiumEntry.exec(first);
  if (entry !== null) return fromHostPort(entry[2] ?? '', `${(entry[1] ?? '').toUpperCase()} `);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(setting)) return fromUrl(setting);
  return fromHostPort(setting, '');
}

function fromUrl(setting: string): ProxyRoute {
  let url: URL;
  try {
    url = new URL(setting);
  } catch {
    return { kind: 'invalid', display: withoutCredentials(setting), problem: 'the proxy address is not a valid URL' };
  }
  if (url.hostname === '') return { kind: 'invalid', display: withoutCredentials(setting), problem: 'the proxy address has no host name' };
  const port = url.port === '' ? defaultPortFor(url.protocol) : Number(url.port);
  const display = `${url.protocol}//${url.host}`;
  if (port === null) return { kind: 'invalid', display, problem: `unsupported proxy scheme ${url.protocol}` };
  return { kind: 'proxy', display, host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

function defaultPortFor(protocol: string): number | null {
  switch (protocol) {
    case 'http:':
      return 80;
    case 'https:':
      return 443;
    case 'socks:':
    case 'socks4:':
    case 'socks5:':
      return 1080;
    default:
      return null;
  }
}

/** `[user:pass@]host[:port]`: split at the last `@`, since passwords may contain one. */
function fromHostPort(setting: string, prefix: string): ProxyRoute {
  const at = setting.lastIndexOf('@');
  const hostPort = at >= 0 ? setting.slice(at + 1) : setting;
  const match = /^(\[[^\]]+\]|[^:/\s]+)(?::([^/\s]*))?\/?$/.exec(hostPort);
  if (match === null) return { kind: 'invalid', display: `${prefix}${hostPort}`, problem: 'the proxy address cannot be read' };
  const host = (match[1] ?? '').replace(/^\[|\]$/g, '');
  const portText = match[2];
  if (portText === undefined || portText === '') {
    return { kind: 'proxy', display: `${prefix}${match[1]}:${bareProxyDefaultPort}`, host, port: bareProxyDefaultPort };
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    return { kind: 'invalid', display: `${prefix}${hostPort}`, problem: `the proxy port "${portText}" is not a number from 1 to 65535` };
  }
  return { kind: 'proxy', display: `${prefix}${match[1]}:${port}`, host, port };
}

function withoutCredentials(setting: string): string {
  return setting.replace(/\/\/[^/@\s]*@/, '//').replace(/^[^/@\s]*@/, '');
}
