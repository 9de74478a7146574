import type { DecodedView } from './decoded-view';
import { redactedMarker } from './redaction-marker';

/**
 * Finds the values of credential fields in a page that writes back the request it received: the
 * `"user_password": "…"` of an API3 body, `password=…` of a form, `script_key: …` of a log line, in any
 * view of the text (so upper-cased, URL-encoded or HTML-escaped echoes too). Structural, so it works for
 * a secret Gridpass never knew, and it never needs the secret to build a pattern.
 */

/**
 * Field names that hold a credential in API3, REST and OAuth requests. Bare `password` and `passwd`
 * are also ordinary words ("use your studio password: …"), so they count only as a quoted key or
 * before `=`.
 */
const FIELD = /(?<![a-z0-9_])(user_password|script_key|api_key|apikey|auth_token|client_secret|session_token|sessiontoken|_session_id|session_id|access_token|refresh_token|backup_code|password|passwd)(?![a-z0-9_])/g;
const PROSE_WORDS = new Set(['password', 'passwd']);
/** Where an unquoted value ends. */
const VALUE_END = /[\s&,;}\])<>"']/;

/** Sets `marks` over the original text for every credential value found in `view`. */
export function markRequestEchoes(view: DecodedView, marks: Uint8Array): void {
  const { text } = view;
  for (const match of text.matchAll(FIELD)) {
    const field = match[1] ?? '';
    const keyStart = match.index;
    const value = valueAfter(text, keyStart, keyStart + match[0].length, PROSE_WORDS.has(field));
    // Already cut out (text redacted twice stays the same).
    if (value === null || value.end <= value.start || text.startsWith(redactedMarker, value.start)) continue;
    const from = view.start[value.start] ?? 0;
    const to = view.end[value.end - 1] ?? from;
    marks.fill(1, from, to);
  }
}

interface Span {
  start: number;
  end: number;
}

function valueAfter(text: string, keyStart: number, keyEnd: number, proseWord: boolean): Span | null {
  const quotedKey = /["']$/.test(text.slice(Math.max(0, keyStart - 1), keyStart));
  let at = keyEnd;
  while (at < text.length && /["'\\\s]/.test(text.charAt(at))) at++;
  const separator = text.charAt(at);
  if (separator !== ':' && separator !== '=') return null;
  if (proseWord && separator === ':' && !quotedKey) return null;
  at++;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  let backslashes = 0;
  while (text.charAt(at + backslashes) === '\\') backslashes++;
  const quote = text.charAt(at + backslashes);
  if (quote === '"' || quote === "'") {
    const start = at + backslashes + 1;
    return { start, end: closingQuote(text, start, quote, backslashes) };
  }
  let end = at;
  while (end < text.length && !VALUE_END.test(text.charAt(end))) end++;
  return { start: at, end };
}

/**
 * Where a quoted value ends: the quote escaped as deeply as the opening one (none in plain JSON, one
 * backslash inside a JSON string, and so on). With none, the echo was cut off: the value runs to the end.
 */
function closingQuote(text: string, from: number, quote: string, depth: number): number {
  for (let at = from; at < text.length; at++) {
    if (text.charAt(at) !== quote) continue;
    let run = 0;
    while (at - run - 1 >= from && text.charAt(at - run - 1) === '\\') run++;
    if (run >= depth && (run - depth) % (2 * (depth + 1)) === 0) return at - depth;
  }
  return text.length;
}
