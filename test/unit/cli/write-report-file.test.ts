import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFileProblem, writeFailureWords, writeReportFile } from '../../../src/cli/write-report-file';

const folder = () => mkdtemp(join(tmpdir(), 'gridpass-report-'));

describe('writeReportFile', () => {
  it('leaves a report readable by its owner only, even over a file that was readable by all', async () => {
    const file = join(await folder(), 'report.md');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeReportFile(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('reportFileProblem', () => {
  it('accepts a new file in an existing folder, and an existing file', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'old.md'), '');
    await expect(reportFileProblem(join(dir, 'new.md'))).resolves.toBeNull();
    await expect(reportFileProblem(join(dir, 'old.md'))).resolves.toBeNull();
  });

  it('names a folder that does not exist, in plain words', async () => {
    const missing = join(await folder(), 'nope');
    await expect(reportFileProblem(join(missing, 'report.md'))).resolves.toBe(`the folder ${missing} does not exist`);
  });

  it('says when the name given is a folder', async () => {
    await expect(reportFileProblem(await folder())).resolves.toContain('that is a folder');
  });

  it('says when the parent is a file, not a folder', async () => {
    const file = join(await folder(), 'file');
    await writeFile(file, '');
    await expect(reportFileProblem(join(file, 'report.md'))).resolves.toBe(`${file} is not a folder`);
  });
});

describe('writeFailureWords', () => {
  it('says what went wrong in words and keeps the code for support staff', () => {
    expect(writeFailureWords(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('the disk is full (ENOSPC)');
    expect(writeFailureWords(new Error('x'))).toBe('the file could not be written');
  });
});
