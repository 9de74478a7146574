/**
 * The settings file as the rest of Gridpass sees it: always a valid `GridpassSettingsFile`, read
 * from `config.json` on each read (the app and the CLI share the file) and written whole,
 * atomically, on each update. Opening never throws, so neither the app nor the CLI can be stopped
 * by a bad file, and nothing saved is ever thrown away:
 * - accounts this version cannot read stay in the file as found, and are named in `notice`;
 * - a file from a newer Gridpass is read, never written: this run keeps its changes in memory;
 * - a file that is not a file, cannot be read or is far too large is left alone, likewise;
 * - only a file with nothing usable in it is moved aside whole, and replaced with defaults.
 * Keychain entries are never touched here.
 */
import { dirname, join } from 'node:path';
import { SETTINGS_FILE_NAME } from './settings-file';
import { acquireSettingsLock } from './settings-lock';
import { settingsFileSchema, settingsParse, defaultSettingsFile, type GridpassSettingsFile, type SavedAccount } from './settings-schema';
import {
  asideCopies,
  checkSettingsFile,
  describeIssues,
  moveAside,
  type SetAsideAccount,
  type SettingsContents,
  type SettingsFileProblem,
} from './settings-file-check';
import { defaultedSettingsNotice, newerVersionNotice, recoveryNotice, setAsideNotice, unusableNotice } from './settings-notice';
import { writeFileAtomically } from './small-file';

export type SettingsFailure =
  | { kind: 'invalid'; message: string }
  | { kind: 'write-failed'; message: string };

export type SettingsResult<T> = { ok: true; value: T } | { ok: false; failure: SettingsFailure };

/** Edits the draft in place or returns a replacement; the result is validated before it is written. */
export type SettingsMutator = (draft: GridpassSettingsFile) => GridpassSettingsFile | void;

/** Saved logins this run cannot see but must not treat as gone (their keychain entries are theirs). */
export interface HeldBackSettings {
  /** Accounts in the file this version could not read. */
  accounts: readonly SetAsideAccount[];
  /** Whole copies of the file moved aside earlier, still beside it. */
  asideFiles: readonly string[];
}

export interface SettingsStore {
  readonly path: string;
  /** Set when part of the file could not be used or the file cannot be written; shown to the user as is. */
  readonly notice: string | null;
  /**
   * Why this process keeps its changes to itself instead of writing them (the file cannot be written
   * or read, or a newer Gridpass wrote it); null while changes reach the file.
   */
  readonly changesKeptInMemory: string | null;
  read(): GridpassSettingsFile;
  /**
   * `release` picks accounts held back (see `heldBack`) that the person forgot: they leave the file
   * with this write. Without it, held-back accounts are written back exactly as found.
   */
  update(mutator: SettingsMutator, release?: (account: SetAsideAccount) => boolean): SettingsResult<GridpassSettingsFile>;
  heldBack(): HeldBackSettings;
}

export interface OpenSettingsStoreOptions {
  cwd: string;
  now?: () => Date;
}

export function openSettingsStore(options: OpenSettingsStoreOptions): SettingsStore {
  return new FileSettingsStore(options);
}

type KeptAsFound = Pick<SettingsContents, 'keptAccounts' | 'keptAuthFailures' | 'setAside'>;

const noKept: KeptAsFound = { keptAccounts: [], keptAuthFailures: [], setAside: [] };

/** The file to write: the usable part, then what was kept as found, unless the person has saved that login again. */
function withKept(file: GridpassSettingsFile, kept: KeptAsFound): Record<string, unknown> {
  const savedAgain = (entry: SetAsideAccount) =>
    entry.key !== null && file.accounts.some((account: SavedAccount) => account.host === entry.key?.host && account.login === entry.key.login);
  return {
    ...file,
    accounts: [...file.accounts, ...kept.keptAccounts.filter((_entry, index) => !isSetAside(kept, index, savedAgain))],
    authFailures: [...file.authFailures, ...kept.keptAuthFailures],
  };
}

function fileText(file: GridpassSettingsFile, kept: KeptAsFound): string {
  return `${JSON.stringify(withKept(file, kept), null, '\t')}\n`;
}

function withoutReleased(kept: KeptAsFound, release: (account: SetAsideAccount) => boolean): KeptAsFound {
  const stays = (_entry: unknown, index: number) => !isSetAside(kept, index, release);
  return { ...kept, keptAccounts: kept.keptAccounts.filter(stays), setAside: kept.setAside.filter(stays) };
}

/** `keptAccounts` and `setAside` are parallel lists: entry `index` of one is entry `index` of the other. */
function isSetAside(kept: KeptAsFound, index: number, matches: (account: SetAsideAccount) => boolean): boolean {
  const account = kept.setAside[index];
  return account !== undefined && matches(account);
}

class FileSettingsStore implements SettingsStore {
  readonly path: string;
  notice: string | null = null;
  readonly #now: () => Date;
  /** Set once the file must not be written: from then on this run's settings live here only, and why. */
  #memory: { file: GridpassSettingsFile; why: string } | null = null;
  /** What the last read kept of the file as found, written back with every update. */
  #kept: KeptAsFound = noKept;
  /** The last good contents, so a file that turns unusable mid-run does not lose this run's state. */
  #lastGood: GridpassSettingsFile = defaultSettingsFile();

  constructor(options: OpenSettingsStoreOptions) {
    this.path = join(options.cwd, SETTINGS_FILE_NAME);
    this.#now = options.now ?? (() => new Date());
    this.read();
  }

  read(): GridpassSettingsFile {
    if (this.#memory !== null) return this.#memory.file;
    const checked = checkSettingsFile(this.path);
    switch (checked.state) {
      case 'absent':
        this.#kept = noKept;
        return this.#startNew();
      case 'unusable':
        return this.#keepInMemory(this.#lastGood, unusableNotice(this.path, checked.why, checked.permission));
      case 'damaged':
        return this.#recover(checked.problem);
      case 'readable':
        return this.#use(checked.contents);
    }
  }

  update(mutator: SettingsMutator, release?: (account: SetAsideAccount) => boolean): SettingsResult<GridpassSettingsFile> {
    if (this.#memory !== null) return this.#change(mutator, release);
    // The read, the change and the write under one lock, so the app and the CLI never lose each other's changes.
    const lock = acquireSettingsLock(this.path);
    if (lock.kind === 'busy') return { ok: false, failure: { kind: 'write-failed', message: lock.message } };
    try {
      return this.#change(mutator, release);
    } finally {
      lock.release();
    }
  }

  #change(mutator: SettingsMutator, release?: (account: SetAsideAccount) => boolean): SettingsResult<GridpassSettingsFile> {
    const current = this.read();
    const draft = structuredClone(current);
    const parsed = settingsFileSchema.safeParse(mutator(draft) ?? draft, settingsParse);
    if (!parsed.success) {
      const message = `The settings change was refused (${describeIssues(parsed.error).join('; ')}).`;
      return { ok: false, failure: { kind: 'invalid', message } };
    }
    const kept = release === undefined ? this.#kept : withoutReleased(this.#kept, release);
    if (this.#memory !== null) {
      this.#memory.file = parsed.data;
      this.#kept = kept;
      return { ok: true, value: parsed.data };
    }
    const text = fileText(parsed.data, kept);
    try {
      // A change that changes nothing (a verified login with no count to clear) is not written: no lock
      // file churn, no flush to disk, and the file keeps what this version does not know as it was.
      if (text !== fileText(current, this.#kept)) writeFileAtomically(this.path, text);
    } catch (error) {
      const message = `Gridpass could not save its settings file ${this.path} (${plainReason(error)}).`;
      return { ok: false, failure: { kind: 'write-failed', message } };
    }
    this.#kept = kept;
    this.#lastGood = parsed.data;
    return { ok: true, value: parsed.data };
  }

  heldBack(): HeldBackSettings {
    return { accounts: this.#kept.setAside, asideFiles: asideCopies(this.path) };
  }

  #use(contents: SettingsContents): GridpassSettingsFile {
    this.#kept = contents;
    if (contents.setAside.length > 0) this.#addNotice(setAsideNotice(contents.setAside));
    if (contents.defaultedSettings.length > 0) this.#addNotice(defaultedSettingsNotice(contents.defaultedSettings));
    if (contents.newerVersion !== null) return this.#keepInMemory(contents.file, newerVersionNotice(contents.newerVersion));
    this.#lastGood = contents.file;
    return contents.file;
  }

  /** A missing or empty file: written with the defaults, so the app and the CLI start from the same one. */
  #startNew(): GridpassSettingsFile {
    const defaults = defaultSettingsFile();
    try {
      this.#write(defaults);
    } catch (error) {
      return this.#keepInMemory(
        defaults,
        `Gridpass cannot save settings in ${dirname(this.path)} (${plainReason(error)}). ` +
          'It is using default settings until it closes; check that the folder exists and is writable.',
      );
    }
    this.#lastGood = defaults;
    return defaults;
  }

  #recover(problem: SettingsFileProblem): GridpassSettingsFile {
    try {
      this.#addNotice(recoveryNotice(problem, moveAside(this.path, this.#now())));
    } catch (error) {
      // The damaged file stays where it is, untouched: this run keeps its settings in memory only,
      // so later reads do not try (and report) again and no write lands on the file.
      return this.#keepInMemory(
        defaultSettingsFile(),
        `Gridpass could not use its settings file ${this.path} and could not move it aside ` +
          `(${plainReason(error)}). It is using default settings; move or delete that file to fix this.`,
      );
    }
    this.#kept = noKept;
    return this.#startNew();
  }

  /** From here on this process keeps its changes to itself; `why` is told to the person (the notice). */
  #keepInMemory(file: GridpassSettingsFile, why: string): GridpassSettingsFile {
    this.#addNotice(why);
    this.#memory = { file, why };
    return file;
  }

  get changesKeptInMemory(): string | null {
    return this.#memory?.why ?? null;
  }

  #write(file: GridpassSettingsFile): void {
    writeFileAtomically(this.path, fileText(file, this.#kept));
  }

  #addNotice(text: string): void {
    if (this.notice?.includes(text)) return;
    this.notice = this.notice === null ? text : `${this.notice} ${text}`;
  }
}

/** The first line of an error's message, bounded: no stack, nothing multi-line. */
function plainReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > 300 ? `${firstLine.slice(0, 297)}...` : firstLine;
}
