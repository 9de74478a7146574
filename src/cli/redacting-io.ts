import type { SecretList } from '../redaction/redact';
import type { CliIo } from './cli-io';

/**
 * The terminal with every write passed through the run's redactor, so even a site that echoes a secret
 * back, or a bug, cannot put one on screen.
 */
export function redactingIo(io: CliIo, secrets: SecretList): CliIo {
  return {
    ...io,
    out: (text) => io.out(secrets.redact(text)),
    err: (text) => io.err(secrets.redact(text)),
    status: (text) => io.status(secrets.redact(text)),
  };
}
