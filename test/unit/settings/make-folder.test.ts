import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolder, type FolderMaker } from '../../../src/settings/make-folder';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function scratch(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'gridpass-make-folder-'));
  roots.push(root);
  return root;
}

/** A file system where `/proc` exists but every folder under it is "not found", as Linux answers there. */
function procLike(): FolderMaker & { calls: number } {
  const maker = {
    calls: 0,
    mkdirSync(dir: string) {
      maker.calls += 1;
      if (maker.calls > 100) throw new Error('looping');
      const error = Object.assign(new Error(`mkdir ${dir}`), { code: dir === '/proc' || dir === '/' ? 'EEXIST' : 'ENOENT' });
      throw error;
    },
  };
  return maker;
}

describe('makeFolder', () => {
  it('creates missing parents with the mode asked for', () => {
    const target = path.join(scratch(), 'a', 'b', 'c');
    makeFolder(target, 0o700);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(statSync(path.dirname(target)).mode & 0o777).toBe(0o700);
  });

  it('leaves a folder that is already there alone', () => {
    const root = scratch();
    makeFolder(root, 0o700);
    expect(statSync(root).isDirectory()).toBe(true);
  });

  it('fails where a parent is a file', () => {
    const root = scratch();
    writeFileSync(path.join(root, 'file'), '');
    expect(() => makeFolder(path.join(root, 'file', 'sub'), 0o700)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('fails, in a few calls, where the system says a child of an existing folder has no parent', () => {
    const fs = procLike();
    expect(() => makeFolder('/proc/nonexistent/gridpass', 0o700, fs)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(fs.calls).toBeLessThan(6);
  });
});
