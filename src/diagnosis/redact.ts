/** Replaces secrets in text that leaves Gridpass (reports, logs, copied text). */
type Redactor = (text: string) => string;

export const redactedMarker = '[redacted]';

/**
 * Below this length a secret is redacted only where it stands alone: blanking every "abc" inside other
 * words would ruin a report without protecting anything more.
 */
const minEmbeddedSecretLength = 4;

const secretKeys =
  'user_password|password|passphrase|passwd|script_key|client_secret|session_token|sessionToken|_session_id|session_id|' +
  'auth_token|access_token|refresh_token|api_key|apikey|secret';

/** Shapes secrets take in requests, logs and pages, whoever the secret belongs to. */
const patterns: ReadonlyArray<[RegExp, string]> = [
  // "user_password": "…" in JSON, and the same inside an escaped JSON string.
  [new RegExp(`((?:\\\\?")(?:${secretKeys})(?:\\\\?")\\s*:\\s*\\\\?")(?:[^"\\\\]|\\\\[^"])*(\\\\?")`, 'gi'), `$1${redactedMarker}$2`],
  // password=…, script_key: …, session_token=… in forms, query strings, headers and logs.
  [new RegExp(`((?<![A-Za-z0-9])(?:${secretKeys})\\s*[=:]\\s*)(?!\\[redacted\\]|")[^\\s&"',;]+`, 'gi'), `$1${redactedMarker}`],
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g, `Bearer ${redactedMarker}`],
  [/\bBasic\s+[A-Za-z0-9+/]{8,}=*/g, `Basic ${redactedMarker}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, redactedMarker],
  // user:pass@ in any URL; everything up to the last @ goes, since passwords may contain @.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi, `$1${redactedMarker}@`],
];

/** Every way a secret may have been written down: as is, URL- or form-encoded, JSON- or HTML-escaped. */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    JSON.stringify(json).slice(1, -1),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  ];
  return [...new Set(forms)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A redactor for these exact secrets (in every spelling) plus the secret-shaped patterns above. Empty
 * and missing secrets are ignored, so callers can pass optional fields straight in.
 */
export function createRedactor(secrets: ReadonlyArray<string | null | undefined>): Redactor {
  const forms = secrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.trim() !== '')
    .flatMap(spellings)
    .sort((a, b) => b.length - a.length);
  const exact = forms.map((form) =>
    form.length >= minEmbeddedSecretLength
      ? new RegExp(escapeRegExp(form), 'g')
      : new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`, 'g'),
  );
  return (text) => {
    const withoutSecrets = exact.reduce((result, pattern) => result.replace(pattern, redactedMarker), text);
    return patterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), withoutSecrets);
  };
}

/** The final pass over a rendered report: nothing leaves without it. */
export function redactReport(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  return createRedactor(secrets)(text);
}

/** Applies a redactor to every string inside plain data (objects, arrays), leaving the shape alone. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
  }
  return value;
}
