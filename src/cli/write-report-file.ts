import { open } from 'node:fs/promises';

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
