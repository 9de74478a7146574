import { describe, expect, it } from 'vitest';
import { classifyFetchError } from '../../../src/net/classify-fetch-error';
import { ProxyUnreachableError } from '../../../src/net/proxy-error';

const request = { host: 'mystudio.shotgrid.autodesk.com', elapsedMs: 1234 };

/** What Node's fetch (undici) rejects with: a TypeError whose cause carries the code. */
function undiciError(code: string, message = `${code} happened`): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('classifyFetchError with Node (undici) errors', () => {
  it.each([
    ['ENOTFOUND', { kind: 'dns', host: 'mystudio.shotgrid.autodesk.com' }],
    ['EAI_AGAIN', { kind: 'dns', host: 'mystudio.shotgrid.autodesk.com' }],
    ['ECONNREFUSED', { kind: 'refused' }],
    ['ECONNRESET', { kind: 'reset' }],
    ['UND_ERR_SOCKET', { kind: 'reset' }],
    ['UND_ERR_CONNECT_TIMEOUT', { kind: 'timeout', afterMs: 1234 }],
    ['ETIMEDOUT', { kind: 'timeout', afterMs: 1234 }],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', { kind: 'tls-untrusted' }],
    ['SELF_SIGNED_CERT_IN_CHAIN', { kind: 'tls-untrusted' }],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', { kind: 'tls-untrusted' }],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', { kind: 'tls-untrusted' }],
    ['CERT_HAS_EXPIRED', { kind: 'tls-expired' }],
    ['CERT_NOT_YET_VALID', { kind: 'tls-expired' }],
    ['ERR_TLS_CERT_ALTNAME_INVALID', { kind: 'tls-wrong-host' }],
    ['ERR_SSL_WRONG_VERSION_NUMBER', { kind: 'tls-other' }],
    ['EPROTO', { kind: 'tls-other' }],
    ['EHOSTUNREACH', { kind: 'network' }],
  ])('%s becomes %j', (code, expected) => {
    expect(classifyFetchError(undiciError(code), request)).toMatchObject(expected);
  });

  it('keeps the code and message of TLS errors as the detail', () => {
    expect(classifyFetchError(undiciError('CERT_HAS_EXPIRED', 'certificate has expired'), request)).toEqual({
      kind: 'tls-expired',
      detail: 'CERT_HAS_EXPIRED: certificate has expired',
    });
  });

  it('finds the code deep in the cause chain (proxy tunnel failures nest three deep)', () => {
    const aborted = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' });
    const error = new TypeError('fetch failed', { cause: new Error('Request was cancelled.', { cause: aborted }) });
    expect(classifyFetchError(error, request)).toEqual({ kind: 'proxy', detail: 'Proxy response (407) !== 200 when HTTP Tunneling' });
  });

  it('reads the codes inside an AggregateError (happy-eyeballs connects)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' });
    const error = new TypeError('fetch failed', { cause: new AggregateError([refused, refused]) });
    expect(classifyFetchError(error, request)).toEqual({ kind: 'refused' });
  });

  it('names the proxy when it could not be reached', () => {
    const error = new ProxyUnreachableError('Could not reach the proxy http://proxy.corp:3128 (ECONNREFUSED).', {
      cause: undiciError('ECONNREFUSED'),
    });
    expect(classifyFetchError(error, request)).toEqual({ kind: 'proxy', detail: 'Could not reach the proxy http://proxy.corp:3128 (ECONNREFUSED).' });
  });

  it('falls back to a network failure with the innermost message', () => {
    expect(classifyFetchError(undiciError('ESOMETHINGNEW', 'odd'), request)).toEqual({ kind: 'network', detail: 'ESOMETHINGNEW: odd' });
    expect(classifyFetchError('a string', request)).toEqual({ kind: 'network', detail: 'a string' });
    expect(classifyFetchError(undefined, request)).toEqual({ kind: 'network', detail: 'The request failed for an unknown reason.' });
  });
});

describe('classifyFetchError with Electron net.fetch (Chromium) errors', () => {
  it.each([
    ['ERR_NAME_NOT_RESOLVED', { kind: 'dns', host: 'mystudio.shotgrid.autodesk.com' }],
    ['ERR_NAME_RESOLUTION_FAILED', { kind: 'dns', host: 'mystudio.shotgrid.autodesk.com' }],
    ['ERR_CONNECTION_REFUSED', { kind: 'refused' }],
    ['ERR_CONNECTION_RESET', { kind: 'reset' }],
    ['ERR_CONNECTION_CLOSED', { kind: 'reset' }],
    ['ERR_EMPTY_RESPONSE', { kind: 'reset' }],
    ['ERR_TIMED_OUT', { kind: 'timeout', afterMs: 1234 }],
    ['ERR_CONNECTION_TIMED_OUT', { kind: 'timeout', afterMs: 1234 }],
    ['ERR_CERT_AUTHORITY_INVALID', { kind: 'tls-untrusted', detail: 'net::ERR_CERT_AUTHORITY_INVALID' }],
    ['ERR_CERT_DATE_INVALID', { kind: 'tls-expired', detail: 'net::ERR_CERT_DATE_INVALID' }],
    ['ERR_CERT_COMMON_NAME_INVALID', { kind: 'tls-wrong-host', detail: 'net::ERR_CERT_COMMON_NAME_INVALID' }],
    ['ERR_CERT_REVOKED', { kind: 'tls-other', detail: 'net::ERR_CERT_REVOKED' }],
    ['ERR_SSL_PROTOCOL_ERROR', { kind: 'tls-other', detail: 'net::ERR_SSL_PROTOCOL_ERROR' }],
    ['ERR_PROXY_CONNECTION_FAILED', { kind: 'proxy', detail: 'net::ERR_PROXY_CONNECTION_FAILED' }],
    ['ERR_TUNNEL_CONNECTION_FAILED', { kind: 'proxy', detail: 'net::ERR_TUNNEL_CONNECTION_FAILED' }],
    ['ERR_PROXY_AUTH_UNSUPPORTED', { kind: 'proxy', detail: 'net::ERR_PROXY_AUTH_UNSUPPORTED' }],
    ['ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', { kind: 'proxy', detail: 'net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED' }],
    ['ERR_INTERNET_DISCONNECTED', { kind: 'network', detail: 'net::ERR_INTERNET_DISCONNECTED' }],
  ])('net::%s becomes %j', (name, expected) => {
    expect(classifyFetchError(new Error(`net::${name}`), request)).toEqual(expected);
  });
});
