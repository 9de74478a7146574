import { redactedMarker } from '../diagnosis/redact';
import type { CliIo } from './cli-io';

/** Below this length a secret is replaced only where it stands alone, so short ones do not garble words. */
const minEmbeddedLength = 4;

/**
 * The secrets one run has read (passphrase, 2FA code, script key). Everything the run prints goes
 * through `redact`, so even a site that echoes a secret back, or a bug, cannot put one on screen.
 * Only these exact secrets are replaced (as typed, JSON- and URL-encoded): the report redactor's
 * secret-shaped patterns would also blank ordinary sentences such as "passphrase: pipe it in".
 */
export class SecretList {
  readonly #secrets: string[] = [];
  #patterns: RegExp[] = [];

  add(secret: string | null | undefined): void {
    if (secret === null || secret === undefined || secret.trim() === '' || this.#secrets.includes(secret)) return;
    this.#secrets.push(secret);
    const forms = [...new Set(this.#secrets.flatMap(spellings))].sort((a, b) => b.length - a.length);
    this.#patterns = forms.map((form) =>
      form.length >= minEmbeddedLength
        ? new RegExp(escapeRegExp(form), 'g')
        : new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`, 'g'),
    );
  }

  all(): readonly string[] {
    return [...this.#secrets];
  }

  redact(text: string): string {
    return this.#patterns.reduce((result, pattern) => result.replace(pattern, redactedMarker), text);
  }
}

function spellings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
