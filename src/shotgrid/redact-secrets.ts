import type { Failure } from './failure';

/** Shorter secrets would turn ordinary words into `[redacted]` without protecting anything. */
const MIN_REDACTED_LENGTH = 4;

/**
 * The ways a page may write back a secret it was sent: as is, inside the JSON request, form- or
 * URL-encoded, or HTML-escaped.
 */
function spellings(secret: string): string[] {
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  ];
  return [...new Set(forms)];
}

/**
 * Removes secrets from a failure's text fields. Gridpass's own texts never contain them; this guards
 * against a server or proxy page that echoes the request back.
 */
export function redactSecrets(failure: Failure, secrets: readonly (string | undefined)[]): Failure {
  const present = secrets
    .filter((secret): secret is string => secret !== undefined && secret.length >= MIN_REDACTED_LENGTH)
    .flatMap(spellings)
    // Longest first, so a spelling is never half-replaced by a shorter one.
    .sort((a, b) => b.length - a.length);
  if (present.length === 0) return failure;
  const redacted: Record<string, unknown> = { ...failure };
  for (const [key, value] of Object.entries(redacted)) {
    if (typeof value === 'string') {
      redacted[key] = present.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
    }
  }
  return redacted as Failure;
}
