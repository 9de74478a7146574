import { lookup as dnsLookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, rootCertificates, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { CheckDependencies, ConnectResult, ResolveHostResult, TlsHandshakeResult } from './check-dependencies';
import { defaultRequestTimeoutMs } from '../net/request-timeout';

export type NetworkProbes = Pick<CheckDependencies, 'resolveHost' | 'connect' | 'tlsHandshake'>;

type LookupAll = (host: string, options: { all: true; verbatim: true }) => Promise<Array<{ address: string }>>;

interface NodeNetworkProbeOptions {
  /**
   * PEM certificates to trust besides Node's own roots. The app passes the OS trust store's, so the
   * handshake judges certificates the way its Chromium requests do.
   */
  extraCaCertificates?: readonly string[];
  /** getaddrinfo cannot be cancelled, so lookups are raced against this bound. */
  dnsTimeoutMs?: number;
  /** For tests; defaults to `dns.promises.lookup`. */
  lookup?: LookupAll;
}

/** The probes' own timeouts report Node's code for one, so callers classify all timeouts alike. */
const timeoutCode = 'ETIMEDOUT';

/** The diagnosis's network probes on Node: DNS, a plain TCP connect, and a fully verified TLS handshake. */
export function createNodeNetworkProbes(options: NodeNetworkProbeOptions = {}): NetworkProbes {
  const lookup: LookupAll = options.lookup ?? ((host, lookupOptions) => dnsLookup(host, lookupOptions));
  const dnsTimeoutMs = options.dnsTimeoutMs ?? defaultRequestTimeoutMs;
  const ca = options.extraCaCertificates === undefined || options.extraCaCertificates.length === 0
    ? undefined
    : [...rootCertificates, ...options.extraCaCertificates];
  return {
    resolveHost: (host) => resolveHost(lookup, host, dnsTimeoutMs),
    connect: (host, port, timeoutMs) => connect(host, port, timeoutMs),
    tlsHandshake: (host, port, timeoutMs) => tlsHandshake(host, port, timeoutMs, ca),
  };
}

async function resolveHost(lookup: LookupAll, host: string, timeoutMs: number): Promise<ResolveHostResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ResolveHostResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: timeoutCode, message: `DNS lookup took longer than ${timeoutMs} ms` }), timeoutMs);
  });
  const lookedUp = lookup(host, { all: true, verbatim: true }).then(
    (entries): ResolveHostResult => ({ ok: true, addresses: [...new Set(entries.map((entry) => entry.address))] }),
    (error: unknown): ResolveHostResult => ({ ok: false, ...errorFacts(error) }),
  );
  try {
    return await Promise.race([lookedUp, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function connect(host: string, port: number, timeoutMs: number): Promise<ConnectResult> {
  const started = performance.now();
  return settleSocket(netConnect({ host, port }), 'connect', timeoutMs, () => ({ ok: true, ms: performance.now() - started }));
}

function tlsHandshake(host: string, port: number, timeoutMs: number, ca: string[] | undefined): Promise<TlsHandshakeResult> {
  const socket = tlsConnect({
    host,
    port,
    // SNI must be a host name; for an IP address Node checks the certificate's IP entries instead.
    ...(isIP(host) === 0 ? { servername: host } : {}),
    rejectUnauthorized: true,
    ...(ca === undefined ? {} : { ca }),
  });
  return settleSocket(socket, 'secureConnect', timeoutMs, () => describeSession(socket));
}

/** Waits for one socket event, an error or the bound, then always destroys the socket. */
function settleSocket<T extends { ok: boolean }>(
  socket: Socket | TLSSocket,
  successEvent: 'connect' | 'secureConnect',
  timeoutMs: number,
  onSuccess: () => T,
): Promise<T | { ok: false; code: string; message: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish({ ok: false, code: timeoutCode, message: `no answer within ${timeoutMs} ms` }), timeoutMs);
    function finish(result: T | { ok: false; code: string; message: string }): void {
      clearTimeout(timer);
      socket.removeAllListeners(successEvent);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(result);
    }
    socket.once(successEvent, () => finish(onSuccess()));
    socket.once('error', (error) => finish({ ok: false, ...errorFacts(error) }));
  });
}

function describeSession(socket: TLSSocket): TlsHandshakeResult {
  const certificate = socket.getPeerCertificate();
  return {
    ok: true,
    protocol: socket.getProtocol() ?? 'unknown',
    issuer: describeIssuer(certificate),
    validTo: certificate.valid_to,
  };
}

/** "Amazon RSA 2048 M02 (Amazon)": the part that tells support staff whether a proxy re-signed the site. */
function describeIssuer(certificate: PeerCertificate): string {
  const issuer = certificate.issuer as unknown as Record<string, string | string[] | undefined> | undefined;
  const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
  const commonName = first(issuer?.CN);
  const organisation = first(issuer?.O);
  if (commonName === undefined) return organisation ?? 'unknown issuer';
  return organisation === undefined || organisation === commonName ? commonName : `${commonName} (${organisation})`;
}

function errorFacts(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { code: typeof code === 'string' && code !== '' ? code : 'UNKNOWN', message: error.message };
  }
  return { code: 'UNKNOWN', message: String(error) };
}
