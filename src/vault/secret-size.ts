/**
 * Secrets are bounded before they reach the keychain: a passphrase or token is far below these,
 * so anything longer is a paste gone wrong, and some stores fail on long values in unclear ways.
 */
export const MAX_SECRET_BYTES = 4096;

/**
 * The longest secret (passphrase, script key, PAT, 2FA or backup code) Gridpass takes from a person,
 * typed, pasted or piped: far above any real one. Longer input is refused before anything else
 * happens, without repeating it.
 */
export const MAX_SECRET_INPUT_LENGTH = 4096;

/** Windows stores the password as UTF-16 in a credential blob of at most 2,560 bytes. */
const WINDOWS_CREDENTIAL_BLOB_BYTES = 2560;

function secretByteLength(secret: string, platform: NodeJS.Platform): number {
  return platform === 'win32' ? secret.length * 2 : Buffer.byteLength(secret, 'utf8');
}

export function secretByteLimit(platform: NodeJS.Platform): number {
  return platform === 'win32' ? WINDOWS_CREDENTIAL_BLOB_BYTES : MAX_SECRET_BYTES;
}

export function secretFits(secret: string, platform: NodeJS.Platform): boolean {
  return secretByteLength(secret, platform) <= secretByteLimit(platform);
}
