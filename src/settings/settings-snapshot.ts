import fs from 'node:fs';
import path from 'node:path';
import { checkSettingsFile } from './settings-file-check';
import { defaultSettingsFile, settingsFileSchema, type GridpassSettingsFile } from './settings-schema';
import { SETTINGS_CONFIG_NAME } from './settings-store-options';

/**
 * The settings file as it is now, for a command that only reads it (`gridpass verify` reads one
 * lockout count): parsed with the settings schema and nothing more, since opening the settings store
 * compiles the JSON Schema its backend checks writes with. Null when the file is not a valid settings
 * file or cannot be read: the settings store then sets it aside and says so, as it always does.
 */
export function readSettingsSnapshot(cwd: string): GridpassSettingsFile | null {
  const file = path.join(cwd, `${SETTINGS_CONFIG_NAME}.json`);
  const checked = checkSettingsFile(file);
  if (checked.state === 'absent') return defaultSettingsFile();
  if (checked.state === 'damaged') return null;
  try {
    const parsed = settingsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
