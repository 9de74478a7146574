import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedExports } from '../../../scripts/lint/unused-exports.mjs';

describe('unused exports', () => {
  it('finds none in src/: every export is imported by another file', () => {
    expect(unusedExports()).toEqual([]);
  }, 120_000);

  describe('in a small planted project', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(path.join(tmpdir(), 'gridpass-unused-'));
      mkdirSync(path.join(root, 'src'));
      mkdirSync(path.join(root, 'test'));
      writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, include: ['src', 'test'] }));
      writeFileSync(path.join(root, 'src', 'a.ts'), [
        'export const used = 1;',
        'export const onlyHere = 2;',
        'export const nobody = onlyHere;',
        'export interface UsedByType { x: number }',
        'export type Unused = string;',
      ].join('\n'));
      writeFileSync(path.join(root, 'src', 'barrel.ts'), "export { used, nobody } from './a';\nexport * from './c';\n");
      writeFileSync(path.join(root, 'src', 'c.ts'), 'export const viaStar = 3;\nexport const starNobody = 4;\n');
      writeFileSync(path.join(root, 'src', 'd.ts'), 'export const loadedLater = 5;\n');
      writeFileSync(path.join(root, 'test', 'uses.ts'), [
        "import { used, viaStar } from '../src/barrel';",
        "import type { UsedByType } from '../src/a';",
        "export const later = () => import('../src/d');",
        'export const all: UsedByType = { x: used + viaStar };',
      ].join('\n'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('names each export of src/ that no other file imports; a re-export is no use', () => {
      expect(unusedExports({ root })).toEqual([
        'src/a.ts:2 onlyHere',
        'src/a.ts:3 nobody',
        'src/a.ts:5 Unused',
        'src/barrel.ts:1 nobody',
        'src/c.ts:2 starNobody',
      ]);
    });
  });
});
