import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The messages of the rule on Node module imports for `code` as the file `file` (nothing is written). */
async function importProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

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
