/**
 * Reads the settings file for what this version can use, keeping the rest. Validation is per
 * account: an account that does not parse (a health state a newer version writes, a value out of
 * bounds) is kept in the file exactly as found and named, and every other account still loads. A
 * file from a newer Gridpass is read the same way and marked so that it is never written. Only a
 * file with nothing usable in it (not JSON, not a Gridpass settings object) is moved aside whole.
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type * as z from 'zod/mini';
import {
  appSettingsSchema,
  pendingAuthFailureSchema,
  savedAccountSchema,
  settingsParse,
  type AppSettings,
  type GridpassSettingsFile,
  type PendingAuthFailure,
  type SavedAccount,
} from './settings-schema';
import { isRecord } from '../text/json-record';
import { SETTINGS_FILE_LIMIT_BYTES, SETTINGS_SCHEMA_VERSION } from './settings-file';
import { describeUnusable, readSmallFile } from './small-file';

export type SettingsFileProblem =
  | { kind: 'not-json' }
  | { kind: 'schema-invalid'; issues: string[] };

/** An account this version could not read; kept in the file, named in the notice. */
export interface SetAsideAccount {
  /** "login on host" when the entry says so, else its position; bounded and printable. */
  label: string;
  /** Its keychain key when the entry names one, so its keychain entries are never taken for orphans. */
  key: { host: string; login: string } | null;
  issues: string[];
}

export interface SettingsContents {
  file: GridpassSettingsFile;
  /** The version a newer Gridpass wrote the file with; such a file is never written or moved. */
  newerVersion: number | null;
  /** Entries exactly as found, written back after the usable ones so nothing is lost. */
  keptAccounts: unknown[];
  keptAuthFailures: unknown[];
  setAside: SetAsideAccount[];
  /** Preferences that were not valid and fall back to their defaults. */
  defaultedSettings: string[];
}

type SettingsFileState =
  | { state: 'absent' }
  /** There, but not something to read or replace (a folder, a FIFO, no permission): left alone. */
  | { state: 'unusable'; why: string; permission: boolean }
  | { state: 'damaged'; problem: SettingsFileProblem }
  | { state: 'readable'; contents: SettingsContents };

export function checkSettingsFile(filePath: string): SettingsFileState {
  const read = readSmallFile(filePath, SETTINGS_FILE_LIMIT_BYTES);
  if (read.kind === 'absent') return { state: 'absent' };
  if (read.kind !== 'text') {
    return { state: 'unusable', why: describeUnusable(read), permission: read.kind === 'unreadable' && read.reason === 'permission' };
  }
  // An empty file holds nothing to keep (a crash of an older version, a sync tool): start new.
  if (read.text.trim() === '') return { state: 'absent' };
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    // The parser's message quotes the file's text, so it is not passed on.
    return { state: 'damaged', problem: { kind: 'not-json' } };
  }
  return checkSettingsData(data);
}

export function checkSettingsData(data: unknown): SettingsFileState {
  if (!isRecord(data)) return schemaInvalid('the file: expected object');
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < SETTINGS_SCHEMA_VERSION) {
    return schemaInvalid('schemaVersion: not an allowed value');
  }
  const accounts = data.accounts ?? [];
  const authFailures = data.authFailures ?? [];
  if (!Array.isArray(accounts)) return schemaInvalid('accounts: expected array');
  if (!Array.isArray(authFailures)) return schemaInvalid('authFailures: expected array');
  const settings = readPreferences(data.settings);
  const usableAccounts: SavedAccount[] = [];
  const keptAccounts: unknown[] = [];
  const setAside: SetAsideAccount[] = [];
  accounts.forEach((entry: unknown, index) => {
    const parsed = savedAccountSchema.safeParse(entry, settingsParse);
    if (parsed.success) return usableAccounts.push(parsed.data);
    keptAccounts.push(entry);
    setAside.push({ label: accountLabel(entry, index), key: accountKey(entry), issues: describeIssues(parsed.error, 2) });
  });
  const usableFailures: PendingAuthFailure[] = [];
  const keptAuthFailures: unknown[] = [];
  for (const entry of authFailures as unknown[]) {
    const parsed = pendingAuthFailureSchema.safeParse(entry, settingsParse);
    if (parsed.success) usableFailures.push(parsed.data);
    else keptAuthFailures.push(entry);
  }
  return {
    state: 'readable',
    contents: {
      file: { schemaVersion: SETTINGS_SCHEMA_VERSION, settings: settings.values, accounts: usableAccounts, authFailures: usableFailures, ...failureKey(data.authFailureSalt) },
      newerVersion: version > SETTINGS_SCHEMA_VERSION ? version : null,
      keptAccounts,
      keptAuthFailures,
      setAside,
      defaultedSettings: settings.defaulted,
    },
  };
}

/** Each preference on its own: one bad value falls back to its default without taking the others. */
function readPreferences(raw: unknown): { values: AppSettings; defaulted: string[] } {
  const source = isRecord(raw) ? raw : {};
  const defaulted: string[] = raw === undefined || isRecord(raw) ? [] : ['settings'];
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(appSettingsSchema.shape)) {
    const parsed = field.safeParse(source[name], settingsParse);
    if (parsed.success) values[name] = parsed.data;
    else {
      values[name] = field.parse(undefined, settingsParse);
      if (defaulted[0] !== 'settings') defaulted.push(name);
    }
  }
  return { values: appSettingsSchema.parse(values, settingsParse), defaulted };
}

function schemaInvalid(issue: string): SettingsFileState {
  return { state: 'damaged', problem: { kind: 'schema-invalid', issues: [issue] } };
}

/**
 * Where each problem is, in words, without the offending values (a misplaced secret must not be
 * echoed into a notice).
 */
export function describeIssues(error: z.core.$ZodError, limit = 3): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    return `${where}: ${issueWords(issue)}`;
  });
  const more = error.issues.length - limit;
  return more > 0 ? [...lines, `and ${more} more`] : lines;
}

function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return 'not an allowed value';
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'too_small':
      return 'too small or too short';
    case 'too_big':
      return 'too large or too long';
    default:
      return 'not valid';
  }
}

const LABEL_PART_LIMIT = 80;

function accountLabel(entry: unknown, index: number): string {
  const key = accountKey(entry);
  if (key === null) return `account ${index + 1}`;
  return `${printable(key.login)} on ${printable(key.host)}`;
}

/** The keychain key an entry names by its host and login; null when it does not say (then any entry may be its). */
function accountKey(entry: unknown): { host: string; login: string } | null {
  if (!isRecord(entry)) return null;
  const { host, login } = entry;
  if (typeof host === 'string' && host !== '' && typeof login === 'string' && login !== '') return { host: host.toLowerCase(), login };
  return null;
}

/** Control characters shown as `?`, and cut short, so a notice stays one readable line. */
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > LABEL_PART_LIMIT ? `${clean.slice(0, LABEL_PART_LIMIT - 1)}…` : clean;
}

/** Renames the file to `<name>.corrupt-<timestamp>` beside itself and returns the new path. */
export function moveAside(filePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${filePath}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${filePath}.corrupt-${stamp}-${n}`;
  renameSync(filePath, target);
  return target;
}

/** Copies moved aside earlier that are still beside the file (the person has not decided about them). */
export function asideCopies(filePath: string): string[] {
  const prefix = `${basename(filePath)}.corrupt-`;
  try {
    return readdirSync(dirname(filePath))
      .filter((name) => name.startsWith(prefix))
      .sort()
      .map((name) => join(dirname(filePath), name));
  } catch {
    return [];
  }
}

/** An unusable key is dropped: entries hashed with it no longer match, and a new key is made on the next write. */
function failureKey(value: unknown): { authFailureSalt?: string } {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? { authFailureSalt: value } : {};
}
