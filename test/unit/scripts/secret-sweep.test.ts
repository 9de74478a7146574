import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of the test runner, without types
import { sweepForPlantedSecrets } from '../../../scripts/secret-sweep.mjs';

const sweep = sweepForPlantedSecrets as (output: string, dir: string) => string[];

describe('the sweep for planted secrets', () => {
  it('finds a planted secret in any letter case and in escaped spellings, in the output and in files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridpass-sweep-'));
    writeFileSync(join(dir, 'report.md'), 'The site said: PLANTED-PASSPHRASE-1F2E');
    writeFileSync(join(dir, 'clean.json'), '{"user_password":"[redacted]"}');
    for (const echoed of ['Planted-Pass-1f2e', 'planted-%C3%9Cn-1f2e', '"planted-\\u00dcn-1f2e"', 'planted-&quot;q-1f2e']) {
      expect(sweep(`the site said: ${echoed}`, dir)).toEqual(['the test output', join(dir, 'report.md')]);
    }
    expect(sweep('a planted secret was not printed', dir)).toEqual([join(dir, 'report.md')]);
  });
});
