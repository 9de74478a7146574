import { describe, expect, it } from 'vitest';
import { decodeJsonReply } from '../../../src/shotgrid/decode-http-reply';
import type { HttpReply } from '../../../src/shotgrid/transport';

function reply(status: number, contentType: string | null, body: string, location: string | null = null): HttpReply {
  return { status, contentType, location, date: null, body };
}

describe('decodeJsonReply', () => {
  it('parses JSON from a 200 with a JSON content type, with or without charset', () => {
    expect(decodeJsonReply(reply(200, 'application/json; charset=utf-8', '{"a":1}'))).toEqual({ ok: true, json: { a: 1 } });
    expect(decodeJsonReply(reply(200, 'Application/JSON', '[1]'))).toEqual({ ok: true, json: [1] });
    expect(decodeJsonReply(reply(200, 'text/javascript', '{"a":2}'))).toEqual({ ok: true, json: { a: 2 } });
  });

  it('parses JSON without a content type, as the Python API does', () => {
    expect(decodeJsonReply(reply(200, null, '{"a":1}'))).toEqual({ ok: true, json: { a: 1 } });
  });

  it('treats every 3xx as a redirect and keeps the Location', () => {
    expect(decodeJsonReply(reply(302, 'text/html', '<html></html>', 'https://mystudio.shotgrid.autodesk.com/saml/saml_login_request'))).toEqual({
      ok: false,
      failure: { kind: 'redirect', status: 302, location: 'https://mystudio.shotgrid.autodesk.com/saml/saml_login_request' },
    });
    expect(decodeJsonReply(reply(308, null, ''))).toEqual({ ok: false, failure: { kind: 'redirect', status: 308, location: null } });
  });

  it('treats an opaque redirect (status 0) as a redirect', () => {
    expect(decodeJsonReply(reply(0, null, ''))).toEqual({ ok: false, failure: { kind: 'redirect', status: 0, location: null } });
  });

  it('reads 503 as maintenance, whatever the body', () => {
    expect(decodeJsonReply(reply(503, 'text/html', '<title>Down</title>'))).toEqual({ ok: false, failure: { kind: 'maintenance', status: 503 } });
  });

  it('keeps a short, clean excerpt of other error bodies', () => {
    const page = `<html><body><h1>Forbidden</h1><p>API access is disabled for this site.</p>${'<p>filler</p>'.repeat(200)}</body></html>`;
    const decoded = decodeJsonReply(reply(403, 'text/html', page));
    expect(decoded).toMatchObject({ ok: false, failure: { kind: 'http-error', status: 403 } });
    const excerpt = !decoded.ok && decoded.failure.kind === 'http-error' ? decoded.failure.bodyExcerpt : '';
    expect(excerpt.startsWith('Forbidden API access is disabled for this site. filler')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(200);
  });

  it('says a 200 HTML page is HTML and names its title (captive portals)', () => {
    expect(decodeJsonReply(reply(200, 'text/html; charset=utf-8', '<html><title>Guest Wi-Fi</title></html>'))).toEqual({
      ok: false,
      failure: { kind: 'html', status: 200, pageTitle: 'Guest Wi-Fi' },
    });
    expect(decodeJsonReply(reply(200, null, '<!DOCTYPE html><p>hi</p>'))).toEqual({ ok: false, failure: { kind: 'html', status: 200, pageTitle: null } });
  });

  it('refuses other content types without parsing them', () => {
    expect(decodeJsonReply(reply(200, 'text/plain', '{"a":1}'))).toEqual({ ok: false, failure: { kind: 'not-json', status: 200, contentType: 'text/plain' } });
  });

  it('says when JSON is cut off or broken', () => {
    expect(decodeJsonReply(reply(200, 'application/json', '{"results":{"version":[8,'))).toEqual({
      ok: false,
      failure: { kind: 'malformed', detail: "The site's JSON reply stops before its end (25 bytes received)." },
    });
    expect(decodeJsonReply(reply(200, 'application/json', '{nope}'))).toEqual({
      ok: false,
      failure: { kind: 'malformed', detail: "The site's reply is not valid JSON (6 bytes received)." },
    });
    expect(decodeJsonReply(reply(200, 'application/json', ''))).toEqual({
      ok: false,
      failure: { kind: 'malformed', detail: 'The site sent an empty reply where JSON was expected.' },
    });
  });

  it('says a reply without content type that is not JSON is not JSON', () => {
    expect(decodeJsonReply(reply(200, null, 'hello'))).toEqual({ ok: false, failure: { kind: 'not-json', status: 200, contentType: null } });
  });
});
