import { createRedactor, type Redactor } from '../diagnosis/redact';
import type { CliIo } from './cli-io';

/**
 * The secrets one run has read (passphrase, 2FA code, script key). Everything the run prints goes
 * through `redact`, so even a site that echoes a secret back, or a bug, cannot put one on screen.
 */
export class SecretList {
  readonly #secrets: string[] = [];
  #redactor: Redactor = createRedactor([]);

  add(secret: string | null | undefined): void {
    if (secret === null || secret === undefined || secret.trim() === '' || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
    this.#redactor = createRedactor(this.#secrets);
  }

  all(): readonly string[] {
    return [...this.#secrets];
  }

  redact(text: string): string {
    return this.#redactor(text);
  }
}

/** The terminal with every write passed through the run's redactor. */
export function redactingIo(io: CliIo, secrets: SecretList): CliIo {
  return {
    ...io,
    out: (text) => io.out(secrets.redact(text)),
    err: (text) => io.err(secrets.redact(text)),
    status: (text) => io.status(secrets.redact(text)),
  };
}
