import type { FindingCode } from '../catalogue/catalogue';

/**
 * Maps the error codes the network probes report (Node's `err.code` values, and `ETIMEDOUT` for the
 * probes' own bounds) to findings.
 */

const untrustedTlsCodes = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);

const expiredTlsCodes = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_EXPIRED']);

const offlineCodes = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

export function findingCodeForConnectError(code: string): FindingCode {
  if (code === 'ECONNREFUSED') return 'GP-NET-REFUSED';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'GP-NET-RESET';
  if (code === 'ETIMEDOUT') return 'GP-NET-TIMEOUT';
  if (offlineCodes.has(code)) return 'GP-NET-OFFLINE';
  return 'GP-NET-OTHER';
}

export function findingCodeForTlsError(code: string): FindingCode {
  if (untrustedTlsCodes.has(code)) return 'GP-TLS-UNTRUSTED';
  if (expiredTlsCodes.has(code)) return 'GP-TLS-EXPIRED';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'GP-TLS-WRONG-HOST';
  if (code === 'ETIMEDOUT' || code === 'ECONNREFUSED' || offlineCodes.has(code)) return findingCodeForConnectError(code);
  return 'GP-TLS-OTHER';
}
