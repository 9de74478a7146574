/**
 * Creates a folder and its missing parents, as `mkdirSync(dir, { recursive: true })` does, but never
 * loops: Node's recursive mkdir retries without end where a parent exists and the system still answers
 * "no such file" for the child (inside /proc, on some network and FUSE mounts), which hangs the
 * command at 100% CPU instead of failing it. Here each folder is tried at most twice, and the second
 * refusal is thrown for the caller to report.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The one call this needs; the log file passes its own (failing, in tests) file system. */
export interface FolderMaker {
  mkdirSync(dir: string, options: { mode: number }): unknown;
}

export function makeFolder(dir: string, mode: number, fs: FolderMaker = { mkdirSync }): void {
  const folder = resolve(dir);
  if (makeOne(fs, folder, mode) !== 'no-parent') return;
  const parent = dirname(folder);
  if (parent === folder) throw Object.assign(new Error(`No file system root at ${folder}`), { code: 'ENOENT' });
  makeFolder(parent, mode, fs);
  if (makeOne(fs, folder, mode) === 'no-parent') {
    throw Object.assign(new Error(`Cannot create ${folder}: the system says its parent does not exist, although it does`), { code: 'ENOENT' });
  }
}

function makeOne(fs: FolderMaker, folder: string, mode: number): 'made' | 'no-parent' {
  try {
    fs.mkdirSync(folder, { mode });
    return 'made';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Already there (or made meanwhile by another process): whether it is a folder, the next step finds out.
    if (code === 'EEXIST') return 'made';
    if (code === 'ENOENT') return 'no-parent';
    throw error;
  }
}
