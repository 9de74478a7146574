import type { SecretList } from '../redaction/redact';
import type { Vault } from '../vault/vault';

/**
 * Tells the app's redactor (main's log, anything else that writes text out) every secret an operation
 * handles: those a request carries, and those read from or written to the keychain. The report
 * redactor gets its run's secrets directly; the log writes lines long after, so it needs a list.
 */

/** Fields of IPC requests that hold a secret, at any depth (`target.passphrase`). */
const SECRET_FIELDS = new Set(['passphrase', 'pat', 'code']);

export function rememberRequestSecrets(request: unknown, secrets: SecretList, depth = 0): void {
  if (request === null || typeof request !== 'object' || depth > 2) return;
  for (const [key, value] of Object.entries(request)) {
    if (typeof value === 'string' && SECRET_FIELDS.has(key)) secrets.add(value);
    else rememberRequestSecrets(value, secrets, depth + 1);
  }
}

/** The vault, with every secret that passes through it remembered. */
export function rememberingVault(vault: Vault, secrets: SecretList): Vault {
  return {
    get backend() {
      return vault.backend;
    },
    get service() {
      return vault.service;
    },
    async save(ref, secret) {
      secrets.add(secret);
      return vault.save(ref, secret);
    },
    async read(ref) {
      const result = await vault.read(ref);
      if (result.ok) secrets.add(result.value);
      return result;
    },
    remove: (ref) => vault.remove(ref),
    list: () => vault.list(),
    forgetSite: (host) => vault.forgetSite(host),
    forgetAll: () => vault.forgetAll(),
    selfTest: () => vault.selfTest(),
  };
}
