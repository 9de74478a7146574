/**
 * The one schema for Gridpass's settings file, shared by the app and the CLI.
 * It holds account metadata and preferences only: passphrases, tokens and keys live in the keychain.
 *
 * Changes stay additive: a new field gets a default, so a file written by an older version still
 * parses. An account that does not parse is kept in the file as found by the settings store (see
 * settings-file-check.ts), never rewritten or dropped.
 */
// zod's mini build: the same checks, without the chained methods that the full build attaches to every
// schema it makes; building these schemas is part of each `gridpass` run that reads a saved login.
import * as z from 'zod/mini';
import { loginMethods } from '../shotgrid/login-method';
import { SETTINGS_SCHEMA_VERSION } from './settings-file';

/**
 * How every settings parse runs: without zod's JIT, which writes and compiles a parser per object
 * shape with `new Function` on first use. The file is parsed a few times per process, and that
 * compilation (never in V8's code cache) costs a `gridpass` command more than the parses themselves.
 */
export const settingsParse = { jitless: true } as const;

/** Same bounds as the IPC contract's `updateSettings` request. */
const checkIntervalHoursSchema = z.int().check(z.minimum(1), z.maximum(168));

export const appSettingsSchema = z.object({
  checkIntervalHours: z._default(checkIntervalHoursSchema, 6),
  launchAtLogin: z._default(z.boolean(), false),
  notifications: z._default(z.boolean(), true),
});

/** Mirrors `AccountHealth` and `CheckReason` in the IPC contract. */
const accountHealthSchema = z.enum(['ok', 'checking', 'attention', 'failing', 'unchecked']);
const checkReasonSchema = z.enum(['setup', 'manual', 'schedule', 'resume', 'network', 'startup']);

const passphraseReachSchema = z.enum(['not-sent', 'answered', 'unknown']);

const timestamp = z.iso.datetime({ offset: true });
const text = (min: number, max: number) => z.string().check(...(min > 0 ? [z.minLength(min)] : []), z.maxLength(max));
const orNull = <T extends z.ZodMiniType>(schema: T) => z._default(z.nullable(schema), null);
const host = text(1, 300);
const login = text(1, 256);

export const savedAccountSchema = z.object({
  /** `accountIdFor(host, login)`: stable, so a re-saved login keeps its id. */
  id: text(1, 600),
  /** The site's origin, `https://host[:port]`. */
  site: text(1, 2048),
  /** `host[:port]` of the origin; keychain entries are keyed by it. */
  host,
  login,
  displayName: orNull(text(0, 256)),
  loginMethod: orNull(z.enum(loginMethods)),
  createdAt: timestamp,
  lastCheckedAt: orNull(timestamp),
  lastCheckReason: orNull(checkReasonSchema),
  lastHealth: z._default(accountHealthSchema, 'unchecked'),
  lastFindingCode: orNull(text(0, 64)),
  lastFindingTitle: orNull(text(0, 300)),
  /** Authentication failures this app has caused for the login (ShotGrid locks after ten). */
  failedLogins: z._default(z.int().check(z.minimum(0)), 0),
  checksPaused: z._default(z.boolean(), false),
  /**
   * Whether the last check's passphrase reached the site: 'unknown' (a timeout or reset after it was
   * sent) holds unattended checks until the next interval. Absent for checks saved before this was kept, or that sent nothing.
   */
  lastCheckReach: z.optional(passphraseReachSchema),
  hasSavedPat: z._default(z.boolean(), false),
  /** When the session token kept in the keychain was last accepted by the site; null when none is kept. */
  sessionConfirmedAt: orNull(timestamp),
});

/**
 * Failures caused for logins that are not saved (yet), so the wizard can warn before another try.
 * Saving the login moves the count onto the account.
 */
const hmacHex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/**
 * A typed login is not trusted to be a login until the site confirms it (it is sometimes the
 * passphrase pasted into the wrong field), so it is kept as `loginHash`, an HMAC-SHA256 of the login
 * key under the file's `authFailureSalt`. Files written before keep a plain `login`, rewritten hashed
 * on the next write.
 */
export const pendingAuthFailureSchema = z
  .object({
    host,
    login: z.optional(login),
    loginHash: z.optional(hmacHex),
    count: z.int().check(z.minimum(1)),
    lastFailureAt: timestamp,
  })
  .check(z.refine((entry) => entry.login !== undefined || entry.loginHash !== undefined, { message: 'login or loginHash is required' }));

export const settingsFileSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  settings: z.prefault(appSettingsSchema, {}),
  accounts: z._default(z.array(savedAccountSchema), []),
  authFailures: z._default(z.array(pendingAuthFailureSchema), []),
  /** The random per-installation HMAC key (hex) of `authFailures[].loginHash`, made on the first write that needs it. */
  authFailureSalt: z.optional(hmacHex),
});

export type AppSettings = z.output<typeof appSettingsSchema>;
export type AccountHealthValue = z.output<typeof accountHealthSchema>;
export type CheckReasonValue = z.output<typeof checkReasonSchema>;
export type SavedAccount = z.output<typeof savedAccountSchema>;
export type PendingAuthFailure = z.output<typeof pendingAuthFailureSchema>;
export type GridpassSettingsFile = z.output<typeof settingsFileSchema>;

export function defaultSettingsFile(): GridpassSettingsFile {
  return settingsFileSchema.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION }, settingsParse);
}

/**
 * The same schema as JSON Schema (draft 2020-12), for tools that check or edit the file (a studio's
 * deployment scripts). It describes the file as written, with optional fields where zod fills a
 * default, so a JSON Schema validator accepts what zod accepts.
 */
export function settingsJsonSchema(): z.core.JSONSchema.BaseSchema {
  // Made when asked for, not when the module loads: every `gridpass` run that reads the settings would pay for it.
  return z.toJSONSchema(settingsFileSchema, { io: 'input' });
}
