/**
 * The renderer's Content-Security-Policy. Main sends it as a response header on every app://bundle/
 * response, so it holds even if a page forgets the <meta> copy. Everything comes from the bundle
 * itself: no inline script, no remote code, no framing, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
