/** Pieces of a non-API reply (error pages, captive portals) short and clean enough to show a person. */

const MAX_EXCERPT_CHARS = 200;

/** The `<title>` of an HTML page, or `null` when it has none. */
export function htmlTitle(html: string): string | null {
  const match = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = match ? shorten(decodeEntities(stripTags(match[1] ?? ''))) : '';
  return title === '' ? null : title;
}

/** The start of a body as one line of text: markup removed, whitespace collapsed, at most 200 characters. */
export function bodyExcerpt(body: string): string {
  const text = looksLikeHtml(body) ? decodeEntities(stripTags(body.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' '))) : body;
  return shorten(text);
}

export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html\b|<head\b|<body\b|<title\b)/i.test(body);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_EXCERPT_CHARS ? line : `${line.slice(0, MAX_EXCERPT_CHARS - 1).trimEnd()}…`;
}

function stripTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}
