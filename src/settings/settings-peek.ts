/**
 * Whether the settings file holds a refusal count or a pause for a site, told without the settings
 * schema: a typed login's try that neither counts nor pauses (it worked, or never got an answer) only
 * ever clears those, so where there are none it has nothing to record, and building the schema to
 * find that out costs a `gridpass verify` more than its two requests.
 *
 * It errs one way only. No file holds nothing; a file this cannot read plainly (unreadable, not JSON,
 * no Gridpass settings object, an entry without a host, a count that is not a number) may hold
 * anything, so the caller opens it through the settings store, which knows what to do with it.
 */
import { join } from 'node:path';
import { isRecord } from '../text/json-record';
import { SETTINGS_FILE_LIMIT_BYTES, SETTINGS_FILE_NAME, SETTINGS_SCHEMA_VERSION } from './settings-file';
import { readSmallFile } from './small-file';

/** `host` is the site's `host[:port]`, as saved logins and counted refusals are keyed. */
export function settingsHoldCountFor(settingsDir: string, host: string): boolean {
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
  // Any refusal counted for a typed login of the site (kept under a hash of the login), or a saved
  // login of the site with refusals counted or its checks paused.
  return mayHold(data.authFailures, wanted, () => true) || mayHold(data.accounts, wanted, (account) => hasCountOrPause(account));
}

function mayHold(entries: unknown, host: string, holds: (entry: Record<string, unknown>) => boolean): boolean {
  if (entries === undefined) return false;
  if (!Array.isArray(entries)) return true;
  return entries.some((entry: unknown) => !isRecord(entry) || typeof entry.host !== 'string' || (entry.host.toLowerCase() === host && holds(entry)));
}

/** Absent fields are the schema's defaults: no refusals, checks not paused. */
function hasCountOrPause(account: Record<string, unknown>): boolean {
  return (account.failedLogins ?? 0) !== 0 || (account.checksPaused ?? false) !== false;
}
