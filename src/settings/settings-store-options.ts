import type { Options, Schema } from 'conf';
import { APP_DIR_NAME } from './user-data-dir';
import { defaultSettingsFile, settingsJsonSchema, type GridpassSettingsFile } from './settings-schema';

export const SETTINGS_CONFIG_NAME = 'config';

export type SettingsStoreOptions = Options<GridpassSettingsFile> & { cwd: string; configName: string };

/**
 * The options both `new ElectronStore(...)` in the app and `new Conf(...)` in the CLI are given, so
 * the two read and write the same `config.json` under the same rules.
 */
export function settingsStoreOptions(cwd: string): SettingsStoreOptions {
  // conf takes the schema's `properties` as `schema` and the remaining keywords as `rootSchema`; it
  // supplies `type: object` itself and refuses a root `$schema`-only copy of it.
  const { properties, $schema: _draft, type: _object, ...rootSchema } = settingsJsonSchema;
  return {
    cwd,
    configName: SETTINGS_CONFIG_NAME,
    projectName: APP_DIR_NAME,
    defaults: defaultSettingsFile(),
    schema: properties as Schema<GridpassSettingsFile>,
    rootSchema: rootSchema as SettingsStoreOptions['rootSchema'],
    // A damaged file is moved aside by the settings store, never silently wiped.
    clearInvalidConfig: false,
    // Logins may contain dots; the store is only ever read and written whole.
    accessPropertiesByDotNotation: false,
  };
}
