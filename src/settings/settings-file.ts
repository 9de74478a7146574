/**
 * What the settings file is, apart from its schema: where it lives in the settings folder, how large
 * it may be, and the schema version this Gridpass writes. Kept out of settings-schema.ts so that
 * reading these builds no schema (see settings-peek.ts).
 */
export const SETTINGS_FILE_NAME = 'config.json';

export const SETTINGS_SCHEMA_VERSION = 1;

/** Far above any real file (an account is well under 2 KiB), far below what could hurt memory. */
export const SETTINGS_FILE_LIMIT_BYTES = 8 * 1024 * 1024;
