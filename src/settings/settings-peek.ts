/**
 * Whether the settings file holds anything for a site, told without the settings schema: a typed
 * login the file knows nothing of needs the file only when the site refuses it, and building the
 * schema to find that out costs a `gridpass verify` more than its two requests.
 *
 * It errs one way only. No file holds nothing; a file this cannot read plainly (unreadable, not JSON,
 * no Gridpass settings object, an entry without a host) may hold anything, so the caller opens it
 * through the settings store, which knows what to do with such a file.
 */
import { join } from 'node:path';
import { isRecord } from '../text/json-record';
import { SETTINGS_FILE_LIMIT_BYTES, SETTINGS_FILE_NAME, SETTINGS_SCHEMA_VERSION } from './settings-file';
import { readSmallFile } from './small-file';

/** `host` is the site's `host[:port]`, as saved logins and counted refusals are keyed. */
export function settingsMayHoldSite(settingsDir: string, host: string): boolean {
  const read = readSmallFile(join(settingsDir, SETTINGS_FILE_NAME), SETTINGS_FILE_LIMIT_BYTES);
  if (read.kind === 'absent') return false;
  if (read.kind !== 'text') return true;
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    return true;
  }
  if (!isRecord(data) || typeof data.schemaVersion !== 'number' || data.schemaVersion < SETTINGS_SCHEMA_VERSION) return true;
  const wanted = host.toLowerCase();
  return [data.accounts, data.authFailures].some((entries) => entries !== undefined && mayName(entries, wanted));
}

function mayName(entries: unknown, host: string): boolean {
  if (!Array.isArray(entries)) return true;
  return entries.some((entry: unknown) => !isRecord(entry) || typeof entry.host !== 'string' || entry.host.toLowerCase() === host);
}
