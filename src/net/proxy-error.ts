/**
 * Thrown by a fetch when the proxy itself could not be reached, so the failure names the proxy rather
 * than the site (through a proxy, a refused or unresolvable connection is always the proxy's).
 */
export class ProxyUnreachableError extends Error {
  readonly code = 'GRIDPASS_PROXY_UNREACHABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProxyUnreachableError';
  }
}
