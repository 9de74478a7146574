import { describe, expect, it } from 'vitest';
import { findingCodeForConnectError, findingCodeForTlsError } from '../../../../src/diagnosis/checks/network-error-codes';

describe('network error codes', () => {
  it.each([
    ['ECONNREFUSED', 'GP-NET-REFUSED'],
    ['ECONNRESET', 'GP-NET-RESET'],
    ['EPIPE', 'GP-NET-RESET'],
    ['ETIMEDOUT', 'GP-NET-TIMEOUT'],
    ['EHOSTUNREACH', 'GP-NET-OFFLINE'],
    ['ENETDOWN', 'GP-NET-OFFLINE'],
    ['EADDRNOTAVAIL', 'GP-NET-OTHER'],
  ])('connect %s -> %s', (code, finding) => {
    expect(findingCodeForConnectError(code)).toBe(finding);
  });

  it.each([
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'GP-TLS-UNTRUSTED'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'GP-TLS-UNTRUSTED'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'GP-TLS-UNTRUSTED'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'GP-TLS-UNTRUSTED'],
    ['CERT_HAS_EXPIRED', 'GP-TLS-EXPIRED'],
    ['CERT_NOT_YET_VALID', 'GP-TLS-EXPIRED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'GP-TLS-WRONG-HOST'],
    ['ETIMEDOUT', 'GP-NET-TIMEOUT'],
    ['ECONNREFUSED', 'GP-NET-REFUSED'],
    ['ECONNRESET', 'GP-TLS-OTHER'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'GP-TLS-OTHER'],
  ])('TLS %s -> %s', (code, finding) => {
    expect(findingCodeForTlsError(code)).toBe(finding);
  });
});
