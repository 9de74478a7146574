import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { srcFloors } from '../../../scripts/lint/src-floors.mjs';
import { projectRoot as root, ruleMessages } from '../../fixtures/lint-text';

const floorProblems = (file: string, code: string) => ruleMessages('gridpass/src-floors', file, code);

describe('the floors of src/', () => {
  it('gives every folder of src/ exactly one floor', () => {
    const folders = readdirSync(path.join(root, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const floored = srcFloors.flat();
    expect(new Set(floored).size).toBe(floored.length);
    expect(folders.filter((folder) => !floored.includes(folder))).toEqual([]);
  });

  it('lets an import run down a floor and inside its own folder', async () => {
    expect(await floorProblems('src/shotgrid/x.ts', "import type { NetworkFailure } from '../net/network-failure';\nexport type X = NetworkFailure;\n")).toEqual([]);
    expect(await floorProblems('src/diagnosis/checks/x.ts', "import type { Finding } from '../finding';\nimport type { SiteAddress } from '../../site/site-address';\nexport type X = [Finding, SiteAddress];\n")).toEqual([]);
    expect(await floorProblems('src/app-shell/x.ts', "import type { GridpassService } from '../services/gridpass-service';\nexport type X = GridpassService;\n")).toEqual([]);
  });

  it('refuses an import up a floor in every spelling: import, type import, re-export, export *, import()', async () => {
    const upward = [
      "import { classifyFetchError } from '../../shotgrid/transport';\nexport const x = classifyFetchError;\n",
      "import type { Outcome } from '../../shotgrid/failure';\nexport type X = Outcome<number>;\n",
      "export { probeSite } from '../../shotgrid/probe-site';\n",
      "export * from '../../shotgrid/failure';\n",
      "export const later = () => import('../../shotgrid/probe-site');\n",
      "export type X = typeof import('../../shotgrid/probe-site');\n",
    ];
    for (const code of upward) {
      const problems = await floorProblems('src/net/deeper/x.ts', code);
      expect(problems, code).toEqual([expect.stringContaining('may not import src/shotgrid on floor 1')]);
    }
  });

  it('keeps the use cases under the app and the CLI that both call them, above what they use', async () => {
    expect(await floorProblems('src/use-cases/x.ts', "import type { AccountRegistry } from '../accounts/account-registry';\nimport type { Finding } from '../diagnosis/finding';\nexport type X = [AccountRegistry, Finding];\n")).toEqual([]);
    expect(await floorProblems('src/services/x.ts', "export { checkSavedLogin } from '../use-cases/check-saved-login';\n")).toEqual([]);
    expect(await floorProblems('src/cli/x.ts', "export { verifyLogin } from '../use-cases/verify-login';\n")).toEqual([]);
    for (const upward of ['../ipc/contract', '../services/views', '../cli/cli-context']) {
      const problems = await floorProblems('src/use-cases/x.ts', `export type X = typeof import('${upward}');\n`);
      expect(problems, upward).toEqual([expect.stringContaining('src/use-cases is on floor 5')]);
    }
    expect(await floorProblems('src/diagnosis/x.ts', "export { recordAttempt } from '../use-cases/record-attempt';\n"))
      .toEqual([expect.stringContaining('may not import src/use-cases on floor 5')]);
  });

  it('refuses an import between two folders of one floor', async () => {
    expect(await floorProblems('src/vault/x.ts', "import type { SettingsStore } from '../settings/settings-store';\nexport type X = SettingsStore;\n"))
      .toEqual([expect.stringContaining('src/vault and src/settings share floor 2')]);
  });

  it('refuses an import from a folder that has no floor yet', async () => {
    expect(await floorProblems('src/diagnosis/x.ts', "export { y } from '../newcomer/y';\n"))
      .toEqual([expect.stringContaining('src/newcomer has no floor')]);
  });
});

describe('npm run lint with an upward import planted in src/', () => {
  const planted = path.join(root, 'src', 'net', `planted-upward-import-${process.pid}.ts`);
  afterEach(() => rmSync(planted, { force: true }));

  it('fails, naming the planted file and the floor rule as its only problem', () => {
    writeFileSync(planted, "import type { Outcome } from '../shotgrid/failure';\n\ntype _Planted = Outcome<number>;\n");
    const withPlant = spawnSync('npm', ['run', 'lint'], { cwd: root, encoding: 'utf8' });
    expect(withPlant.status).toBe(1);
    expect(withPlant.stdout).toContain(path.basename(planted));
    expect(withPlant.stdout).toContain('gridpass/src-floors');
    expect(withPlant.stdout).toMatch(/✖ 1 problem \(1 error/);
  }, 120_000);
});
