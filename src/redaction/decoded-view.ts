/**
 * A text as a page may have written it, read back one layer of escaping at a time: JSON escapes
 * (`\"`, `\\`, `\uXXXX`), URL and form encoding (`%XX` as UTF-8, `+`) and HTML entities (`&amp;`,
 * `&#233;`, `&#xE9;`, the Latin-1 names). Every character of a view remembers which characters of the
 * original text it came from, so whatever is found in a view can be cut out of the original.
 * Each view is also case-folded, so an upper-cased echo reads like the secret it repeats.
 */
export interface DecodedView {
  /** The decoded, case-folded text. */
  text: string;
  /** For each UTF-16 unit of `text`: the first and one-past-last index in the original text. */
  start: Int32Array;
  end: Int32Array;
}

/** Enough for a secret JSON-escaped inside a URL-encoded, HTML-escaped page, and then some. */
const MAX_LAYERS = 4;

/** Folds one character the way both the secret and the page are compared: ß and SS both become ss. */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase();
}

/** The text itself, then each layer of decoding, as long as a layer still changes something. */
export function decodedViews(original: string): DecodedView[] {
  const first = foldView(original, identityView(original));
  const views = [first];
  let raw = original;
  let rawView = identityView(original);
  for (let layer = 1; layer < MAX_LAYERS; layer++) {
    const next = decodeOnce(raw, rawView);
    if (next.text === raw) break;
    raw = next.text;
    rawView = next;
    views.push(foldView(raw, rawView));
  }
  return views;
}

function identityView(text: string): DecodedView {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let index = 0; index < text.length; index++) {
    start[index] = index;
    end[index] = index + 1;
  }
  return { text, start, end };
}

/** A builder that appends decoded text, each piece tied to a span of the original. */
class ViewBuilder {
  #parts: string[] = [];
  #start: number[] = [];
  #end: number[] = [];

  push(piece: string, start: number, end: number): void {
    this.#parts.push(piece);
    for (let unit = 0; unit < piece.length; unit++) {
      this.#start.push(start);
      this.#end.push(end);
    }
  }

  build(): DecodedView {
    return { text: this.#parts.join(''), start: Int32Array.from(this.#start), end: Int32Array.from(this.#end) };
  }
}

/** Case-folds a view character by character, keeping each character's origin. */
function foldView(text: string, origin: DecodedView): DecodedView {
  const out = new ViewBuilder();
  for (let index = 0; index < text.length; index++) {
    const unit = text.charAt(index);
    out.push(foldCase(unit), origin.start[index] ?? 0, origin.end[index] ?? 0);
  }
  return out.build();
}

/** One layer of decoding over `text`, whose characters map to the original through `origin`. */
function decodeOnce(text: string, origin: DecodedView): DecodedView {
  const out = new ViewBuilder();
  const span = (from: number, to: number): [number, number] => [origin.start[from] ?? 0, origin.end[to - 1] ?? 0];
  let index = 0;
  while (index < text.length) {
    const decoded = decodeAt(text, index);
    if (decoded === null) {
      out.push(text.charAt(index), ...span(index, index + 1));
      index += 1;
    } else {
      out.push(decoded.text, ...span(index, index + decoded.length));
      index += decoded.length;
    }
  }
  return out.build();
}

interface Decoded {
  text: string;
  /** How many characters of the input it replaces. */
  length: number;
}

function decodeAt(text: string, index: number): Decoded | null {
  switch (text.charAt(index)) {
    case '\\':
      return jsonEscapeAt(text, index);
    case '%':
      return percentRunAt(text, index);
    case '+':
      return { text: ' ', length: 1 };
    case '&':
      return htmlEntityAt(text, index);
    default:
      return null;
  }
}

const jsonShortEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', "'": "'", b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function jsonEscapeAt(text: string, index: number): Decoded | null {
  const next = text.charAt(index + 1);
  if (next === 'u' || next === 'U') {
    const hex = text.slice(index + 2, index + 6);
    return /^[0-9a-fA-F]{4}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), length: 6 } : null;
  }
  if (next === 'x' || next === 'X') {
    const hex = text.slice(index + 2, index + 4);
    return /^[0-9a-fA-F]{2}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), length: 4 } : null;
  }
  const short = jsonShortEscapes[next];
  return short === undefined ? null : { text: short, length: 2 };
}

/** One `%XX` byte, or a whole UTF-8 sequence of them (`%C3%A9` is é). */
function percentRunAt(text: string, index: number): Decoded | null {
  const byteAt = (at: number): number | null => {
    if (text.charAt(at) !== '%') return null;
    const hex = text.slice(at + 1, at + 3);
    return /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : null;
  };
  const lead = byteAt(index);
  if (lead === null) return null;
  const extra = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 && lead < 0xe0 ? 1 : 0;
  let codePoint = extra === 0 ? lead : lead & (0x3f >> extra);
  for (let byte = 1; byte <= extra; byte++) {
    const continuation = byteAt(index + 3 * byte);
    if (continuation === null || (continuation & 0xc0) !== 0x80) return { text: String.fromCharCode(lead), length: 3 };
    codePoint = (codePoint << 6) | (continuation & 0x3f);
  }
  if (extra > 0 && codePoint > 0x10ffff) return { text: String.fromCharCode(lead), length: 3 };
  return { text: String.fromCodePoint(codePoint), length: 3 * (extra + 1) };
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ...latin1Entities() };

/** `&Agrave;` … `&yuml;`: the entity names of U+00C0 to U+00FF, in code point order. */
function latin1Entities(): Record<string, string> {
  const names =
    'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde ' +
    'Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde ' +
    'auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml ' +
    'divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
  return Object.fromEntries(names.split(' ').map((name, offset) => [name, String.fromCharCode(0xc0 + offset)]));
}

function htmlEntityAt(text: string, index: number): Decoded | null {
  const match = /^&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,9});?/.exec(text.slice(index, index + 12));
  if (match === null) return null;
  const name = match[1] ?? '';
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? { text: String.fromCodePoint(code), length: match[0].length } : null;
  }
  // Named entities need their semicolon; an upper-cased page may have upper-cased the name too.
  if (!match[0].endsWith(';')) return null;
  const value = namedEntities[name] ?? namedEntities[name.toLowerCase()];
  return value === undefined ? null : { text: value, length: match[0].length };
}
