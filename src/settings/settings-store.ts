/**
 * The settings file as the rest of Gridpass sees it: always a valid `GridpassSettingsFile`. A
 * damaged file is moved aside and replaced with defaults, and `notice` says so; opening never
 * throws, so neither the app nor the CLI can be stopped by a bad file. Keychain entries are never
 * touched here.
 */
import path from 'node:path';
import Conf from 'conf';
import { settingsFileSchema, defaultSettingsFile, type GridpassSettingsFile } from './settings-schema';
import { settingsStoreOptions, SETTINGS_CONFIG_NAME, type SettingsStoreOptions } from './settings-store-options';
import {
  checkSettingsFile,
  describeIssues,
  moveAside,
  recoveryNotice,
  type SettingsFileProblem,
} from './settings-file-check';

/** What the store needs from conf, or from electron-store (which extends conf). */
export interface SettingsBackend {
  store: unknown;
  readonly path: string;
}

export type SettingsBackendFactory = (options: SettingsStoreOptions) => SettingsBackend;

export type SettingsFailure =
  | { kind: 'invalid'; message: string }
  | { kind: 'write-failed'; message: string };

export type SettingsResult<T> = { ok: true; value: T } | { ok: false; failure: SettingsFailure };

/** Edits the draft in place or returns a replacement; the result is validated before it is written. */
export type SettingsMutator = (draft: GridpassSettingsFile) => GridpassSettingsFile | void;

export interface SettingsStore {
  readonly path: string;
  /** Set when the file had to be moved aside or cannot be written; shown to the user as is. */
  readonly notice: string | null;
  read(): GridpassSettingsFile;
  update(mutator: SettingsMutator): SettingsResult<GridpassSettingsFile>;
}

export interface OpenSettingsStoreOptions {
  cwd: string;
  /** The app passes `(options) => new ElectronStore(options)`; the CLI keeps the conf default. */
  createBackend?: SettingsBackendFactory;
  now?: () => Date;
}

export function openSettingsStore(options: OpenSettingsStoreOptions): SettingsStore {
  return new RecoveringSettingsStore(options);
}

class RecoveringSettingsStore implements SettingsStore {
  readonly path: string;
  notice: string | null = null;
  readonly #createBackend: SettingsBackendFactory;
  readonly #now: () => Date;
  readonly #options: SettingsStoreOptions;
  #backend: SettingsBackend;

  constructor(options: OpenSettingsStoreOptions) {
    this.#options = settingsStoreOptions(options.cwd);
    this.path = path.join(options.cwd, `${SETTINGS_CONFIG_NAME}.json`);
    this.#createBackend = options.createBackend ?? ((storeOptions) => new Conf<GridpassSettingsFile>(storeOptions));
    this.#now = options.now ?? (() => new Date());
    const checked = checkSettingsFile(this.path);
    if (checked.state === 'damaged') this.#setAside(checked.problem);
    this.#backend = this.#openBackend();
  }

  read(): GridpassSettingsFile {
    let raw: unknown;
    try {
      raw = this.#backend.store;
    } catch (error) {
      // Another process (or a person) damaged the file after it was opened.
      return this.#recover(problemFromStoreError(error));
    }
    const parsed = settingsFileSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return this.#recover({ kind: 'schema-invalid', issues: describeIssues(parsed.error) });
  }

  update(mutator: SettingsMutator): SettingsResult<GridpassSettingsFile> {
    const draft = structuredClone(this.read());
    const parsed = settingsFileSchema.safeParse(mutator(draft) ?? draft);
    if (!parsed.success) {
      const message = `The settings change was refused (${describeIssues(parsed.error).join('; ')}).`;
      return { ok: false, failure: { kind: 'invalid', message } };
    }
    try {
      this.#backend.store = parsed.data;
    } catch (error) {
      const message = `Gridpass could not save its settings file ${this.path} (${plainReason(error)}).`;
      return { ok: false, failure: { kind: 'write-failed', message } };
    }
    return { ok: true, value: parsed.data };
  }

  #openBackend(): SettingsBackend {
    try {
      return this.#createBackend(this.#options);
    } catch (firstError) {
      // conf refused a file the check accepted (changed in between, or an ajv/zod difference).
      if (checkSettingsFile(this.path).state !== 'absent') this.#setAside(problemFromStoreError(firstError));
      try {
        return this.#createBackend(this.#options);
      } catch (error) {
        this.#addNotice(
          `Gridpass cannot save settings in ${path.dirname(this.path)} (${plainReason(error)}). ` +
          'It is using default settings until it closes; check that the folder exists and is writable.',
        );
        return { store: defaultSettingsFile(), path: this.path };
      }
    }
  }

  /** Returns whether the file was moved; a file that could not be moved must not be overwritten. */
  #setAside(problem: SettingsFileProblem): boolean {
    try {
      this.#addNotice(recoveryNotice(problem, moveAside(this.path, this.#now())));
      return true;
    } catch (error) {
      this.#addNotice(
        `Gridpass could not use its settings file ${this.path} and could not move it aside ` +
          `(${plainReason(error)}). It is using default settings; move or delete that file to fix this.`,
      );
      return false;
    }
  }

  #recover(problem: SettingsFileProblem): GridpassSettingsFile {
    const defaults = defaultSettingsFile();
    if (!this.#setAside(problem)) {
      // The damaged file stays where it is, untouched: this run keeps its settings in memory only,
      // so later reads do not try (and report) again and no write lands on the file.
      this.#backend = { store: defaults, path: this.path };
      return defaults;
    }
    try {
      this.#backend.store = defaults;
    } catch {
      // The notice already says the file could not be used; the defaults still serve this read.
    }
    return defaults;
  }

  #addNotice(text: string): void {
    this.notice = this.notice === null ? text : `${this.notice} ${text}`;
  }
}

function problemFromStoreError(error: unknown): SettingsFileProblem {
  if (error instanceof SyntaxError) return { kind: 'not-json' };
  return { kind: 'schema-invalid', issues: ['rejected by the settings schema check'] };
}

/** The first line of an error's message, bounded: no stack, nothing multi-line. */
function plainReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > 300 ? `${firstLine.slice(0, 297)}...` : firstLine;
}
