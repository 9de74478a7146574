/**
 * Looks at the settings file before anything else opens it, so a damaged file is found, kept and
 * explained rather than crashing the app or the CLI, or being silently wiped.
 */
import fs from 'node:fs';
import type { z } from 'zod';
import { settingsFileSchema } from './settings-schema';

export type SettingsFileProblem =
  | { kind: 'not-json' }
  | { kind: 'schema-invalid'; issues: string[] };

type SettingsFileState =
  | { state: 'absent' }
  | { state: 'valid' }
  | { state: 'damaged'; problem: SettingsFileProblem };

export function checkSettingsFile(filePath: string): SettingsFileState {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return { state: 'absent' };
    // Unreadable (permissions, a folder in the way): the store's own open reports it.
    return { state: 'valid' };
  }
  // An empty file holds nothing to keep; conf treats it as an empty store.
  if (text.trim() === '') return { state: 'absent' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The parser's message quotes the file's text, so it is not passed on.
    return { state: 'damaged', problem: { kind: 'not-json' } };
  }
  return checkSettingsData(data);
}

function checkSettingsData(data: unknown): SettingsFileState {
  const parsed = settingsFileSchema.safeParse(data);
  if (parsed.success) return { state: 'valid' };
  return { state: 'damaged', problem: { kind: 'schema-invalid', issues: describeIssues(parsed.error) } };
}

/**
 * Where each problem is, in words, without the offending values (a misplaced secret must not be
 * echoed into a notice).
 */
export function describeIssues(error: z.ZodError, limit = 3): string[] {
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

/** Renames the file to `<name>.corrupt-<timestamp>` beside itself and returns the new path. */
export function moveAside(filePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${filePath}.corrupt-${stamp}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${filePath}.corrupt-${stamp}-${n}`;
  fs.renameSync(filePath, target);
  return target;
}

export function recoveryNotice(problem: SettingsFileProblem, keptAs: string): string {
  const what =
    problem.kind === 'not-json'
      ? 'it is not valid JSON'
      : `it does not match what Gridpass expects (${problem.issues.join('; ')})`;
  return (
    `Gridpass could not use its settings file because ${what}, so it started again with default ` +
    `settings and no saved accounts. The old file was kept as ${keptAs}. Logins saved in the ` +
    'keychain were not touched: add your accounts again to use them, or clean them up (Accounts in the app, or `gridpass accounts orphans --clean`).'
  );
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
