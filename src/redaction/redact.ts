/**
 * The one redactor: everything that leaves Gridpass (what the CLI prints, reports, logs, copied text,
 * server text kept or shown) passes through it. In order: request echoes are cut out by their field
 * names, then every secret of the run is masked in every spelling a page may use (as is, any letter
 * case, JSON escapes including `\uXXXX`, URL and form encoding, HTML entities), then secret-shaped
 * strings nobody told us about (bearer tokens, JWTs, passwords in URLs). No regular expression is ever
 * built from a secret.
 *
 * Server text (`{ fragments: true }`, where it enters Gridpass) also loses any run of FRAGMENT_LENGTH
 * characters of a secret, so a cut-off echo cannot show how a passphrase starts. Gridpass's own texts
 * are masked for whole secrets only: a passphrase made of ordinary words would otherwise blank
 * sentences and finding codes ("GP-AUTH-BAD-SCRIPT-KEY") that merely share eight letters with it.
 */
import { decodedViews } from './decoded-view';
import { redactedMarker } from './redaction-marker';
import { markRequestEchoes } from './request-echo';
import { indexSecrets, markSecrets, type SecretIndex } from './secret-marks';

export { FRAGMENT_LENGTH } from './secret-marks';

type Redactor = (text: string) => string;

export { redactedMarker };

type MaybeSecret = string | null | undefined;

/** Secrets that look like secrets whoever they belong to; fixed patterns, never built from a value. */
const shapes: ReadonlyArray<[RegExp, string]> = [
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g, `Bearer ${redactedMarker}`],
  [/\bBasic\s+[A-Za-z0-9+/]{8,}=*/g, `Basic ${redactedMarker}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, redactedMarker],
  // user:pass@ in any URL; everything up to the last @ goes, since passwords may contain @.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi, `$1${redactedMarker}@`],
];

interface RedactorOptions {
  /** Also mask every run of FRAGMENT_LENGTH characters of a secret: for text a server sent. */
  fragments?: boolean;
}

/** A redactor for these secrets plus request echoes and secret shapes. Empty and missing secrets are ignored. */
export function createRedactor(secrets: Iterable<MaybeSecret>, options: RedactorOptions = {}): Redactor {
  const index = indexSecrets(present(secrets), options.fragments === true);
  return (text) => redactWith(index, text);
}

/** The final pass over a rendered report: nothing leaves without it. */
export function redactReport(text: string, secrets: Iterable<MaybeSecret> = []): string {
  return createRedactor(secrets)(text);
}

/**
 * Whether a server value shows any of these secrets or a fragment of one, in any spelling, or looks like
 * a request echo. A value that does (a "name" that is the passphrase sent) is not kept anywhere.
 */
export function containsSecret(text: string, secrets: Iterable<MaybeSecret>): boolean {
  return marksOf(indexSecrets(present(secrets), true), text).includes(1);
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

/**
 * The secrets one run or one operation has handled (passphrase, 2FA code, script key, session token),
 * growing as they are read, so a long-lived writer (the CLI's terminal, the app's log) redacts against
 * every secret seen so far. Only the newest MAX_SECRETS are kept.
 */
export class SecretList {
  static readonly MAX_SECRETS = 64;
  #secrets: string[] = [];
  #index: SecretIndex = indexSecrets([], false);

  add(...secrets: MaybeSecret[]): void {
    const fresh = present(secrets).filter((secret) => !this.#secrets.includes(secret));
    if (fresh.length === 0) return;
    this.#secrets = [...this.#secrets, ...fresh].slice(-SecretList.MAX_SECRETS);
    this.#index = indexSecrets(this.#secrets, false);
  }

  all(): readonly string[] {
    return [...this.#secrets];
  }

  readonly redact: Redactor = (text) => redactWith(this.#index, text);
}

function present(secrets: Iterable<MaybeSecret>): string[] {
  return [...secrets].filter((secret): secret is string => typeof secret === 'string' && secret.trim() !== '');
}

function redactWith(index: SecretIndex, text: string): string {
  if (text === '') return text;
  const marks = marksOf(index, text);
  const masked = marks.includes(1) ? replaceMarked(text, marks) : text;
  return shapes.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), masked);
}

function marksOf(index: SecretIndex, text: string): Uint8Array {
  const marks = new Uint8Array(text.length);
  for (const view of decodedViews(text)) {
    markRequestEchoes(view, marks);
    if (!index.empty) markSecrets(view, index, marks);
  }
  return marks;
}

/** Each run of marked characters becomes one marker. */
function replaceMarked(text: string, marks: Uint8Array): string {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = at;
    const marked = marks[at] === 1;
    while (end < text.length && (marks[end] === 1) === marked) end++;
    parts.push(marked ? redactedMarker : text.slice(at, end));
    at = end;
  }
  return parts.join('');
}
