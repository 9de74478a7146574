import { describe, expect, it } from 'vitest';
import { bodyExcerpt, htmlTitle, looksLikeHtml } from '../../../src/shotgrid/reply-text';

describe('htmlTitle', () => {
  it('reads the title of a captive portal page', () => {
    expect(htmlTitle('<!DOCTYPE html><html><head><title>\n  Hotel Wi-Fi &amp; Login\n</title></head></html>')).toBe('Hotel Wi-Fi & Login');
  });

  it('decodes numeric entities and drops markup inside the title', () => {
    expect(htmlTitle('<title lang="en">Caf&#233; &#x2014; <b>sign in</b></title>')).toBe('Café — sign in');
  });

  it('is null without a title or with an empty one', () => {
    expect(htmlTitle('<html><body>hi</body></html>')).toBeNull();
    expect(htmlTitle('<title>   </title>')).toBeNull();
  });

  it('keeps at most 200 characters', () => {
    expect(htmlTitle(`<title>${'long '.repeat(100)}</title>`)?.length).toBe(200);
  });
});

describe('bodyExcerpt', () => {
  it('collapses whitespace into one line', () => {
    expect(bodyExcerpt('Access\n\n   denied\tby policy\r\n')).toBe('Access denied by policy');
  });

  it('keeps the text of an HTML page, without markup, scripts or styles', () => {
    const page = '<html><head><style>p{color:red}</style><script>var x = 1;</script></head><body><h1>403</h1><p>API access is blocked</p></body></html>';
    expect(bodyExcerpt(page)).toBe('403 API access is blocked');
  });

  it('never returns more than 200 characters', () => {
    const excerpt = bodyExcerpt('word '.repeat(1000));
    expect(excerpt.length).toBe(200);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('leaves short text alone', () => {
    expect(bodyExcerpt('Bad Gateway')).toBe('Bad Gateway');
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<!doctype html><html>', true],
    ['  <HTML lang="en">', true],
    ['<title>x</title>', true],
    ['{"version":[8,0,0]}', false],
    ['Service Unavailable', false],
  ])('%j -> %s', (body, expected) => {
    expect(looksLikeHtml(body)).toBe(expected);
  });
});
