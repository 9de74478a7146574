/**
 * What the person is told about their settings file, one sentence group per situation. None of
 * them suggests removing keychain entries: an account that could not be read still owns its
 * passphrase until the person decides about it.
 */
import type { SetAsideAccount, SettingsFileProblem } from './settings-file-check';

export function recoveryNotice(problem: SettingsFileProblem, keptAs: string): string {
  const what =
    problem.kind === 'not-json'
      ? 'it is not valid JSON'
      : `it does not match what Gridpass expects (${problem.issues.join('; ')})`;
  return (
    `Gridpass could not use its settings file because ${what}, so it started again with default ` +
    `settings and no saved accounts. The old file was kept as ${keptAs}. Logins saved in the ` +
    'keychain were not touched and are not treated as orphans while that file is there: add your accounts ' +
    'again to use them, or restore the file.'
  );
}

export function setAsideNotice(accounts: readonly SetAsideAccount[]): string {
  const names = accounts.map((account) => `${account.label} (${account.issues.join('; ')})`).join(', ');
  const one = accounts.length === 1;
  return (
    `Gridpass could not read ${one ? 'one saved account' : `${accounts.length} saved accounts`} in its settings ` +
    `file: ${names}. ${one ? 'It is' : 'They are'} kept in the file as found and ${one ? 'its' : 'their'} keychain ` +
    'entries are left alone; every other account works as before. A newer Gridpass may have written ' +
    `${one ? 'it' : 'them'}: updating Gridpass, or saving the login again, brings ${one ? 'it' : 'them'} back.`
  );
}

export function newerVersionNotice(version: number): string {
  return (
    `Gridpass's settings file was written by a newer version of Gridpass (settings version ${version}). ` +
    'This version uses what it understands of it and leaves the file as it is: changes made now will not ' +
    'be saved until Gridpass is updated.'
  );
}

export function defaultedSettingsNotice(names: readonly string[]): string {
  return `Some preferences in the settings file were not valid, so their defaults are used: ${names.join(', ')}.`;
}

export function unusableNotice(filePath: string, why: string, permission: boolean): string {
  const fix = permission
    ? 'Give your user permission to read and write that file.'
    : 'Move it out of the way so Gridpass can create its settings file there.';
  return (
    `Gridpass cannot use its settings file ${filePath}: ${why}. It left it as it is and is using default ` +
    `settings until it closes; changes will not be saved. ${fix}`
  );
}
