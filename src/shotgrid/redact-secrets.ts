import type { Failure } from './failure';

/** Shorter secrets would turn ordinary words into `[redacted]` without protecting anything. */
const MIN_REDACTED_LENGTH = 4;

/**
 * Removes secrets from a failure's text fields. Gridpass's own texts never contain them; this guards
 * against a server or proxy page that echoes the request back.
 */
export function redactSecrets(failure: Failure, secrets: readonly (string | undefined)[]): Failure {
  const present = secrets.filter((secret): secret is string => secret !== undefined && secret.length >= MIN_REDACTED_LENGTH);
  if (present.length === 0) return failure;
  const redacted: Record<string, unknown> = { ...failure };
  for (const [key, value] of Object.entries(redacted)) {
    if (typeof value === 'string') {
      redacted[key] = present.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
    }
  }
  return redacted as Failure;
}
