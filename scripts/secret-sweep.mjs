// The sweep for planted secrets. Tests plant secrets made by test/fixtures/plant-secret.ts:
// `planted-<label>-<spice><body>`, where the body is 24 characters drawn from PLANTED_ALPHABET (lower-case
// consonants: no vowel, so no word of any language and no hex number holds eight of them in a row). The
// fixture registers each secret's unique part (spice and body) in the run's registry folder, one JSON
// string a line, and the sweep looks for any FRAGMENT_LENGTH consecutive characters of a unique part, in
// any letter case, in the text as written and as decoded one escaping layer at a time (JSON `\uXXXX` and
// `\xXX`, URL and form encoding, HTML entities). The `planted-` prefix itself, in any case, is a leak too:
// it also catches secrets planted without the fixture (the practice site's `planted-session-` ids).
//
// The decoder here is deliberately not the app's (src/redaction/): a check that shared the code it checks
// would miss exactly the spellings that code misses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PLANTED_ALPHABET = 'bcdfghjklmnpqrstvwxz';
export const FRAGMENT_LENGTH = 8;
const MAX_LAYERS = 4;
const plantedPrefix = /planted-/i;
const binaryFiles = /\.(png|jpe?g|webm|webp|zip|gz|br|ico|woff2?)$/i;

/** Letter case as the sweep compares it (the redactor's folding: ß and SS both become ss). */
export function foldCase(text) {
  return text.toUpperCase().toLowerCase();
}

/** Every fragment to look for, from the unique parts of the planted secrets, case-folded. */
export function fragmentIndex(uniqueParts) {
  const windows = new Set();
  const characters = new Set();
  for (const part of uniqueParts) {
    const folded = foldCase(part);
    for (let at = 0; at + FRAGMENT_LENGTH <= folded.length; at++) windows.add(folded.slice(at, at + FRAGMENT_LENGTH));
    for (const character of folded) characters.add(character);
  }
  return { windows, characters };
}

/** The fragments of planted secrets in `text`, in any case and in any of the escaped spellings. */
export function findFragments(text, index) {
  const found = new Set();
  if (index.windows.size === 0) return [];
  for (const layer of decodedLayers(text)) scanLayer(foldCase(layer), index, found);
  return [...found];
}

/**
 * Only runs of characters that occur in some planted secret can hold a fragment; ordinary text breaks
 * such runs at every vowel and space, so the sweep stays linear and cheap over megabytes of output.
 */
function scanLayer(text, index, found) {
  let run = 0;
  for (let at = 0; at < text.length; at++) {
    run = index.characters.has(text[at]) ? run + 1 : 0;
    if (run < FRAGMENT_LENGTH) continue;
    const window = text.slice(at + 1 - FRAGMENT_LENGTH, at + 1);
    if (index.windows.has(window)) found.add(window);
  }
}

/** The text, then each layer of decoding as long as a layer still changes something. */
export function decodedLayers(text) {
  const layers = [text];
  for (let layer = 1; layer < MAX_LAYERS; layer++) {
    const next = decodeOnce(layers[layers.length - 1]);
    if (next === layers[layers.length - 1]) break;
    layers.push(next);
  }
  return layers;
}

const escape = /\\[uU]([0-9a-fA-F]{4})|\\[xX]([0-9a-fA-F]{2})|\\(["'\\/])|((?:%[0-9a-fA-F]{2})+)|\+|&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?|&([A-Za-z][A-Za-z0-9]{1,9});/g;

function decodeOnce(text) {
  return text.replace(escape, (whole, u4, x2, short, percent, hex, decimal, name) => {
    if (u4 !== undefined) return String.fromCharCode(parseInt(u4, 16));
    if (x2 !== undefined) return String.fromCharCode(parseInt(x2, 16));
    if (short !== undefined) return short;
    if (percent !== undefined) return Buffer.from(percent.replace(/%/g, ''), 'hex').toString('utf8');
    if (whole === '+') return ' ';
    if (hex !== undefined || decimal !== undefined) return codePoint(hex !== undefined ? parseInt(hex, 16) : parseInt(decimal, 10), whole);
    return namedEntities[name] ?? namedEntities[name.toLowerCase()] ?? whole;
  });
}

function codePoint(code, whole) {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

const latin1Names =
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde ' +
  'Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde ' +
  'auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml ' +
  'divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const namedEntities = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ...Object.fromEntries(latin1Names.split(' ').map((name, offset) => [name, String.fromCharCode(0xc0 + offset)])),
};

/** The unique parts registered in `registryDir` (missing folder: none). */
export function readRegistry(registryDir) {
  if (registryDir === undefined) return [];
  let names;
  try {
    names = readdirSync(registryDir);
  } catch {
    return [];
  }
  return names.flatMap((name) =>
    readFileSync(join(registryDir, name), 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line)));
}

/** Where a planted secret appeared: 'the test output' and/or file paths under each folder of `dirs`. */
export function sweepForPlantedSecrets(output, dirs, registryDir) {
  const index = fragmentIndex(readRegistry(registryDir));
  const leaks = (text) => plantedPrefix.test(text) || findFragments(text, index).length > 0;
  const found = leaks(output) ? ['the test output'] : [];
  for (const file of [dirs].flat().flatMap(filesUnder)) {
    if (!binaryFiles.test(file) && leaks(readFileSync(file, 'utf8'))) found.push(file);
  }
  return found;
}

function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}
