import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a support report readable by its owner only (0600), also when the file already existed with
 * looser permissions: the report names the person, their site and their machine.
 */
export async function writeReportFile(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

/** Why a report could not be written to `path`, in plain words, or null when it can be (as far as can be told). */
export async function reportFileProblem(path: string): Promise<string | null> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory() === true) return 'that is a folder; give a file name such as gridpass-report.md';
  const folder = dirname(path);
  const parent = await stat(folder).catch(() => null);
  if (parent === null) return `the folder ${folder} does not exist`;
  if (!parent.isDirectory()) return `${folder} is not a folder`;
  const writable = existing === null ? folder : path;
  return (await access(writable, constants.W_OK).then(() => true, () => false)) ? null : `you may not write to ${writable}`;
}

/** A file-system error as a person reads it; the error code stays for support staff. */
export function writeFailureWords(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : null;
  const words: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    EISDIR: 'that is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
  };
  if (code === null) return 'the file could not be written';
  return `${words[code] ?? 'the file could not be written'} (${code})`;
}
