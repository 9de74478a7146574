import { describe, expect, it } from 'vitest';
import { ruleMessages } from '../../fixtures/lint-text';

const importProblems = (file: string, code: string) => ruleMessages('no-restricted-syntax', file, code);

describe('imports of Node modules in the code the CLI bundles', () => {
  it('refuses a default or namespace import, which the CommonJS bundle copies whole on every start', async () => {
    for (const code of ["import path from 'node:path';\nexport const x = path.join;\n", "import * as fs from 'node:fs';\nexport const x = fs.readFileSync;\n"]) {
      expect(await importProblems('src/settings/x.ts', code)).toEqual([expect.stringContaining('Import what is used by name')]);
    }
  });

  it('takes named imports, type-only imports, and default imports in the app shell (an ES module bundle)', async () => {
    expect(await importProblems('src/settings/x.ts', "import { join } from 'node:path';\nexport const x = join;\n")).toEqual([]);
    expect(await importProblems('src/settings/x.ts', "import type * as fs from 'node:fs';\nexport type X = fs.Stats;\n")).toEqual([]);
    expect(await importProblems('src/app-shell/x.ts', "import path from 'node:path';\nexport const x = path.join;\n")).toEqual([]);
  });
});
