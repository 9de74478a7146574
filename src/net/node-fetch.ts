import type { FetchLike } from './fetch-like';
import { directFetch } from './direct-fetch';
import type { NetworkStackInfo } from './network-stack';
import { ProxyUnreachableError } from './proxy-error';
import { proxyFor, readProxySettings, type ProxySettings } from './proxy-settings';
import { redactProxy } from './redact-proxy';
import { tlsWeakeningVariables, VERIFIED_TLS } from './tls-environment';

export interface NodeFetch {
  fetch: FetchLike;
  network: NetworkStackInfo;
}

/**
 * The CLI's fetch: with no proxy in the environment, a request of its own over Node's net and tls
 * modules (see direct-fetch.ts); with HTTPS_PROXY or HTTP_PROXY (either case), each request direct or through its proxy as NO_PROXY
 * says. Both use Node's CA store, which includes NODE_EXTRA_CA_CERTS. TLS verification is always
 * on: there is no option to turn it off.
 */
export function createNodeFetch(env: NodeJS.ProcessEnv = process.env): NodeFetch {
  const settings = readProxySettings(env);
  const httpsProxy = settings.httpsProxy ?? settings.httpProxy;
  const ignoredTlsSettings = tlsWeakeningVariables(env);
  const network: NetworkStackInfo = {
    stack: 'node',
    proxy: httpsProxy === null ? null : redactProxy(httpsProxy),
    noProxy: settings.noProxy,
    extraCaCerts: env.NODE_EXTRA_CA_CERTS?.trim() || null,
    ...(ignoredTlsSettings.length > 0 ? { ignoredTlsSettings } : {}),
  };
  if (settings.httpProxy === null && settings.httpsProxy === null) return { fetch: directFetch, network };
  return { fetch: proxiedFetch(settings), network };
}

/**
 * Each request goes the way proxyFor says (the one NO_PROXY matcher): direct (direct-fetch.ts), or
 * through undici's ProxyAgent for its proxy, loaded only then.
 */
function proxiedFetch(settings: ProxySettings): FetchLike {
  const agents = new Map<string, Promise<FetchLike>>();
  return async (url, init) => {
    const proxy = proxyFor(settings, url);
    if (proxy === null) return directFetch(url, init);
    let agent = agents.get(proxy);
    if (agent === undefined) {
      agent = undiciThrough(proxy);
      agents.set(proxy, agent);
    }
    const fetch = await agent;
    try {
      return await fetch(url, init);
    } catch (error) {
      throw blameProxy(error, proxy);
    }
  };
}

async function undiciThrough(proxy: string): Promise<FetchLike> {
  const loaded = await import('undici');
  // In the bundle, undici (CommonJS) arrives as the chunk's default export; under vitest, as named ones.
  const { ProxyAgent, fetch } = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  let dispatcher: InstanceType<typeof ProxyAgent>;
  try {
    // A fresh connection per request. A reused keep-alive socket that the server closed a moment
    // earlier fails the next request with a reset, and a request carrying a passphrase must never be
    // retried; a command sends two or three requests, so the extra handshakes cost little. Certificate
    // checks are set here, for the site behind the proxy and for the proxy itself, so
    // NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment changes nothing.
    dispatcher = new ProxyAgent({ uri: proxy, pipelining: 0, requestTls: VERIFIED_TLS, proxyTls: VERIFIED_TLS });
  } catch {
    return () => Promise.reject(new ProxyUnreachableError(`The proxy setting "${redactProxy(proxy)}" is not a valid proxy address.`));
  }
  // undici's Response is the WHATWG Response the rest of the code reads.
  return (url, init) => fetch(url, { ...init, dispatcher });
}

/** Failures to open a connection, which through a proxy can only be failures to reach the proxy. */
const connectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function blameProxy(error: unknown, proxy: string | null): unknown {
  if (proxy === null) return error;
  const code = connectCode(error);
  if (code === null) return error;
  return new ProxyUnreachableError(`Could not reach the proxy ${redactProxy(proxy)} (${code}).`, { cause: error });
}

function connectCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && connectCodes.has(code)) return code;
    current = cause;
  }
  return null;
}
