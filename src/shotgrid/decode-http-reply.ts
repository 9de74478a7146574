import type { HttpFailure } from './failure';
import { bodyExcerpt, htmlTitle, looksLikeHtml } from './reply-text';
import type { HttpReply } from './transport';

type JsonReply = { ok: true; json: unknown } | { ok: false; failure: HttpFailure };

/**
 * Reads a reply the way the Python API does: any status of 300 or more is an error (redirects
 * included, since a redirected POST loses its body), then only a JSON content type is parsed.
 */
export function decodeJsonReply(reply: HttpReply): JsonReply {
  const { status } = reply;
  // Status 0 is an opaque redirect: what a browser-style fetch returns for `redirect: 'manual'`.
  if (status === 0 || (status >= 300 && status < 400)) {
    return fail({ kind: 'redirect', status, location: reply.location });
  }
  if (status === 503) {
    return fail({ kind: 'maintenance', status });
  }
  if (status >= 400) {
    return fail({ kind: 'http-error', status, bodyExcerpt: bodyExcerpt(reply.body) });
  }

  const mediaType = reply.contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml' || (mediaType === null && looksLikeHtml(reply.body))) {
    return fail({ kind: 'html', status, pageTitle: htmlTitle(reply.body) });
  }
  if (mediaType !== null && !isJsonMediaType(mediaType)) {
    return fail({ kind: 'not-json', status, contentType: reply.contentType });
  }
  try {
    return { ok: true, json: JSON.parse(reply.body) };
  } catch (error) {
    if (mediaType === null) {
      return fail({ kind: 'not-json', status, contentType: null });
    }
    return fail({ kind: 'malformed', detail: malformedDetail(reply.body, error) });
  }
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType === 'text/javascript' || mediaType.endsWith('+json');
}

function malformedDetail(body: string, error: unknown): string {
  const bytes = new TextEncoder().encode(body).byteLength;
  if (body.trim() === '') return 'The site sent an empty reply where JSON was expected.';
  const cutOff = error instanceof SyntaxError && endsEarly(error.message, body.length);
  return cutOff
    ? `The site's JSON reply stops before its end (${bytes} bytes received).`
    : `The site's reply is not valid JSON (${bytes} bytes received).`;
}

/** V8 says "Unexpected end of JSON input", or names a position at or past the last character. */
function endsEarly(message: string, length: number): boolean {
  const position = /at position (\d+)/.exec(message)?.[1];
  return /end of (JSON )?input|unterminated/i.test(message) || (position !== undefined && Number(position) >= length);
}

function fail(failure: HttpFailure): JsonReply {
  return { ok: false, failure };
}
