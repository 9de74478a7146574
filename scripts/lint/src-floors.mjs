// The floors of src/, lowest first. A folder may import its own files and the folders on lower floors,
// never a folder on its own floor or higher: that keeps the core's dependencies one-way, so each floor
// can be read, tested and changed without the ones above it. README "Development" explains each floor.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const srcRoot = fileURLToPath(new URL('../../src', import.meta.url));

export const srcFloors = [
  ['text', 'redaction', 'site', 'net'],
  ['shotgrid'],
  ['vault', 'settings', 'practice-site'],
  ['accounts'],
  ['diagnosis'],
  ['use-cases'],
  ['ipc'],
  ['services', 'cli'],
  ['app-shell'],
];

const floorOf = new Map(srcFloors.flatMap((folders, floor) => folders.map((folder) => [folder, floor])));

/** The src/ folder a path lies in ('' for a file directly in src/), or null outside src/. */
function srcFolder(srcRoot, file) {
  const relative = path.relative(srcRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? '' : parts[0];
}

function describeFloor(folder) {
  return `floor ${floorOf.get(folder)} (${srcFloors[floorOf.get(folder)].join(', ')})`;
}

/** Why importing `to` from `from` breaks the floors, or null when it may. */
export function floorViolation(from, to) {
  if (from === to) return null;
  if (!floorOf.has(from)) return `src/${from || '*.ts'} has no floor: give it one in scripts/lint/src-floors.mjs.`;
  if (!floorOf.has(to)) return `src/${to || '*.ts'} has no floor: give it one in scripts/lint/src-floors.mjs.`;
  const fromFloor = floorOf.get(from);
  const toFloor = floorOf.get(to);
  if (toFloor < fromFloor) return null;
  if (toFloor === fromFloor) {
    return `src/${from} and src/${to} share ${describeFloor(from)}: folders on one floor do not import each other; move the shared part down a floor.`;
  }
  return `src/${from} is on ${describeFloor(from)} and may not import src/${to} on ${describeFloor(to)}: imports only run down the floors; move the shared part down.`;
}

export const srcFloorsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports inside src/ only run down the floors listed in scripts/lint/src-floors.mjs.' },
    schema: [],
    messages: { upward: '{{reason}}' },
  },
  create(context) {
    const file = context.filename;
    const from = srcFolder(srcRoot, file);
    if (from === null) return {};

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = srcFolder(srcRoot, path.resolve(path.dirname(file), source));
      if (to === null) return;
      const reason = floorViolation(from, to);
      if (reason !== null) context.report({ node, messageId: 'upward', data: { reason } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        // typescript-eslint 8 names the string `source`; older versions wrapped it in `argument`.
        const literal = node.source ?? node.argument?.literal;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};
