/**
 * The one IPC contract between the renderer and main (GitHub Desktop's "single typed channel map").
 * Every request is a zod schema, parsed in main before any handler runs; every response is a plain
 * type. Nothing secret ever appears in a response: the renderer may send a passphrase, a PAT or a
 * 2FA code once, and sees only logins, statuses and findings.
 *
 * The renderer imports only the types of this module; main, the preload and the browser tests
 * import its values.
 */
import { z } from 'zod';
import type { UnattendedChecks } from '../accounts/refusal-policy';
import type { CheckResult } from '../diagnosis/check-result';
import type { Finding } from '../diagnosis/finding';
import type { LoginMethod } from '../shotgrid/login-method';
import type { HumanUserRecord } from '../shotgrid/shotgrid-client';
import { MAX_SECRET_INPUT_LENGTH } from '../vault/secret-size';

export type { CheckId, CheckResult, CheckStatus } from '../diagnosis/check-result';
export type { Finding, FindingAction, FixLink, FixStep, FindingSeverity } from '../diagnosis/finding';
export type { LoginMethod } from '../shotgrid/login-method';

const text = (max: number) => z.string().max(max);
const siteInput = text(2048);
const loginInput = text(256).min(1);
/** Secrets are bounded so a runaway paste cannot make main allocate without limit. */
const secretInput = z.string().min(1).max(MAX_SECRET_INPUT_LENGTH);
const accountId = text(600).min(1);
const runId = text(64).min(1);

// ---------------------------------------------------------------------------------------------
// Views: what the renderer is allowed to see.

export interface SiteView {
  /** `https://host[:port]`. */
  url: string;
  host: string;
  loginMethod: LoginMethod | null;
  /** Plain words for the login method, e.g. "Autodesk Identity". */
  loginMethodLabel: string;
  /** e.g. "8.89.0". */
  version: string;
  appSessionLauncher: boolean;
  isPracticeSite: boolean;
  /** Pages the wizard links to for this site. */
  links: { accountSettings: string; forgotPassword: string | null; autodeskProfile: string };
}

/** Who the site says the person is: their own HumanUser record, nothing secret in it. */
export type UserView = HumanUserRecord;

export type AccountHealth = 'ok' | 'checking' | 'attention' | 'failing' | 'unchecked';

export interface AccountView {
  id: string;
  site: string;
  host: string;
  login: string;
  displayName: string | null;
  loginMethod: LoginMethod | null;
  health: AccountHealth;
  lastCheckedAt: string | null;
  lastCheckReason: CheckReason | null;
  lastFinding: Finding | null;
  /** Authentication failures Gridpass itself has caused for this login. */
  failedLogins: number;
  /** Refusals after which ShotGrid locks the account, from the refusal policy (never restated in the renderer). */
  lockoutThreshold: number;
  /** Scheduled checks stop after one authentication failure until the person acts. */
  checksPaused: boolean;
  /** What the schedule may do with this login, as the refusal policy decides from its last check. */
  unattendedChecks: UnattendedChecks;
  hasSavedPat: boolean;
  /** The passphrase could not be read back from the keychain. */
  secretMissing: boolean;
}

export type CheckReason = 'setup' | 'manual' | 'schedule' | 'resume' | 'network' | 'startup';

export type KeychainStatus =
  | { state: 'ok'; backend: string }
  | { state: 'unavailable' | 'locked' | 'denied'; backend: string; message: string; fix: string };

export interface ManagedConfigView {
  /** The file it came from, for support staff. */
  source: string;
  studioName: string | null;
  site: string | null;
  siteLocked: boolean;
  supportContact: string | null;
  helpUrl: string | null;
  checkIntervalHours: number | null;
  extraAllowedHosts: string[];
}

export interface SettingsView {
  checkIntervalHours: number;
  launchAtLogin: boolean;
  notifications: boolean;
  /** Settings the studio's managed config fixes; the renderer shows them read-only. */
  managed: ManagedConfigView | null;
  /** A problem found while loading the settings file (e.g. it was corrupt and was moved aside). */
  notice: string | null;
}

export interface AppStateView {
  version: string;
  platform: 'darwin' | 'win32' | 'linux' | string;
  keychain: KeychainStatus;
  settings: SettingsView;
  /** A `gridpass://setup?site=` link or a preconfigured site waiting to prefill the wizard. */
  setupSite: string | null;
  accountsCount: number;
  /** A token kept in the keychain (for any site) can be copied again, e.g. to bind it on a new site. */
  keptPat: boolean;
}

export type ProbeResponse = { ok: true; site: SiteView } | { ok: false; finding: Finding };

export type VerifyResponse =
  | { ok: true; verificationId: string; user: UserView; site: SiteView }
  | {
    ok: false;
    reason: 'two-factor-required';
    attemptId: string;
    finding: Finding;
    /** A code was sent and refused; that counts towards the lockout like a wrong passphrase. */
    codeRefused: boolean;
    /** What is wrong with the code as typed (blank): nothing was sent. */
    codeProblem?: string;
    failedLogins: number;
    lockoutThreshold: number;
    lockoutWarning: string | null;
  }
  | { ok: false; reason: 'failed'; finding: Finding; failedLogins: number; lockoutThreshold: number; lockoutWarning: string | null };

/** Who a browser sign-in confirmed: public fields of their own HumanUser, never the session token. */
export interface SignedInPersonView {
  login: string;
  name: string | null;
  email: string | null;
  status: string | null;
}

/** A browser sign-in (App Session Launcher) as the window shows it; `sign-in-progress` says when it changed. */
export type BrowserSignInView =
  | { signInId: string; state: 'starting' }
  | {
    signInId: string;
    state: 'waiting';
    /** The site's approval page, to open or copy (the browser may have opened on the wrong profile). */
    approvalUrl: string;
    /** Seconds until Gridpass stops waiting, as of this answer. */
    secondsLeft: number;
    /** Whether the browser opened the page; `null` while it is being opened. */
    browserOpened: boolean | null;
    browserProblem: string | null;
  }
  | {
    signInId: string;
    state: 'approved';
    person: SignedInPersonView;
    /** The login typed or saved before is not this person's (GP-AUTH-WRONG-LOGIN naming theirs). */
    loginMismatch: Finding | null;
  }
  | { signInId: string; state: 'failed'; finding: Finding };

export type SaveResponse =
  | { ok: true; account: AccountView; keychain: 'saved' }
  | { ok: false; finding: Finding };

export type PatResponse =
  | { ok: true; length: number }
  | { ok: false; message: string };

export type SimpleResponse = { ok: true } | { ok: false; message: string };

export interface DiagnoseStatus {
  runId: string;
  done: boolean;
  /** Finished checks, then the running one, then the pending ones (status 'pending'/'running'). */
  checks: Array<CheckResult | PendingCheck>;
  verdict: { ok: boolean; headline: string; finding: Finding | null } | null;
}

export interface PendingCheck {
  id: CheckResult['id'];
  name: string;
  status: 'pending' | 'running';
}

export interface EndOfBookingResponse {
  forgottenAccounts: number;
  forgottenSecrets: number;
  revokePatUrl: string;
}

export interface OrphanView {
  kind: 'passphrase' | 'pat' | 'script-key' | 'session';
  host: string;
  login: string;
}

// ---------------------------------------------------------------------------------------------
// Requests.

export const requestSchemas = {
  getAppState: z.object({}).strict(),
  probeSite: z.object({ address: siteInput }).strict(),
  /** `signInId`: the browser sign-in that confirmed the person; a login that is not theirs is then never sent. */
  verifyLogin: z.object({ site: siteInput, login: loginInput, passphrase: secretInput, signInId: runId.optional() }).strict(),
  submitTwoFactorCode: z.object({ attemptId: runId, code: text(64).min(1) }).strict(),
  saveLogin: z.object({
    verificationId: runId,
    keepPat: z.boolean(),
    launchAtLogin: z.boolean(),
    checkIntervalHours: z.number().int().min(1).max(168),
  }).strict(),
  holdPat: z.object({ site: siteInput, pat: secretInput }).strict(),
  copyPat: z.object({ site: siteInput }).strict(),
  listAccounts: z.object({}).strict(),
  checkAccount: z.object({ accountId }).strict(),
  /** After `verifyLogin` (and `submitTwoFactorCode`) accepted a new passphrase for this saved login. */
  replacePassphrase: z.object({ verificationId: runId, accountId }).strict(),
  forgetAccount: z.object({ accountId }).strict(),
  endOfBooking: z.object({}).strict(),
  listOrphans: z.object({}).strict(),
  cleanOrphans: z.object({}).strict(),
  startDiagnose: z.object({
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('account'), accountId }).strict(),
      z.object({ kind: z.literal('site'), site: siteInput, login: text(256).optional(), passphrase: secretInput.optional() }).strict(),
    ]),
    /** The browser sign-in that confirmed the person: main looks the person up itself and narrows the diagnosis by them. */
    signInId: runId.optional(),
  }).strict(),
  diagnoseStatus: z.object({ runId }).strict(),
  diagnoseReport: z.object({ runId, format: z.enum(['markdown', 'json']) }).strict(),
  copyDiagnoseReport: z.object({ runId }).strict(),
  /** Plain text the window shows (a site address, a login): never cleared, so never a secret. */
  copyText: z.object({ text: text(2048).min(1) }).strict(),
  saveDiagnoseReport: z.object({ runId, format: z.enum(['markdown', 'json']) }).strict(),
  updateSettings: z.object({
    checkIntervalHours: z.number().int().min(1).max(168).optional(),
    launchAtLogin: z.boolean().optional(),
    notifications: z.boolean().optional(),
  }).strict(),
  openExternal: z.object({ url: text(2048) }).strict(),
  /** `login`: typed or saved before, so a different person's approval is said at once. */
  startBrowserSignIn: z.object({ site: siteInput, login: text(256).optional() }).strict(),
  browserSignInStatus: z.object({ signInId: runId }).strict(),
  cancelBrowserSignIn: z.object({ signInId: runId }).strict(),
} as const;

interface ResponseMap {
  getAppState: AppStateView;
  probeSite: ProbeResponse;
  verifyLogin: VerifyResponse;
  submitTwoFactorCode: VerifyResponse;
  saveLogin: SaveResponse;
  holdPat: PatResponse;
  copyPat: SimpleResponse & { clearsAfterSeconds?: number };
  listAccounts: AccountView[];
  checkAccount: AccountView;
  replacePassphrase: SaveResponse;
  forgetAccount: SimpleResponse;
  endOfBooking: EndOfBookingResponse;
  listOrphans: OrphanView[];
  cleanOrphans: { removed: number };
  startDiagnose: { runId: string };
  diagnoseStatus: DiagnoseStatus;
  diagnoseReport: { text: string };
  copyDiagnoseReport: SimpleResponse;
  copyText: SimpleResponse;
  saveDiagnoseReport: { ok: true; path: string } | { ok: false; cancelled: boolean; message: string };
  updateSettings: SettingsView;
  openExternal: SimpleResponse;
  startBrowserSignIn: { ok: true; signInId: string } | { ok: false; finding: Finding };
  browserSignInStatus: BrowserSignInView;
  cancelBrowserSignIn: SimpleResponse;
}

export type RequestName = keyof typeof requestSchemas;
export type RequestOf<K extends RequestName> = z.input<(typeof requestSchemas)[K]>;
export type ResponseOf<K extends RequestName> = ResponseMap[K];

/** Every request name, for the preload to build `window.gridpass` from. */
export const requestNames = Object.keys(requestSchemas) as RequestName[];

/** The IPC channel behind a request; the preload accepts no other channel. */
export const channelOf = (name: RequestName): string => `gridpass:${name}`;

/** Main -> renderer pushes (navigation after a deep link, the tray or a notification). */
export type NavigationTarget =
  | { screen: 'wizard'; site: string | null }
  | { screen: 'accounts' }
  | { screen: 'diagnose'; accountId: string | null }
  | { screen: 'settings' };
export const navigationChannel = 'gridpass:navigate';
export const navigationSchema: z.ZodType<NavigationTarget> = z.discriminatedUnion('screen', [
  z.object({ screen: z.literal('wizard'), site: z.string().max(2048).nullable() }),
  z.object({ screen: z.literal('accounts') }),
  z.object({ screen: z.literal('diagnose'), accountId: z.string().max(600).nullable() }),
  z.object({ screen: z.literal('settings') }),
]);

/**
 * Main -> renderer: what changed in the service, so the window refreshes what it shows instead of
 * polling. Events name what changed, never carry data: the window asks for it through the requests
 * above, which are the only way views (and never secrets) leave main.
 */
export type AppEvent =
  | { type: 'accounts-changed' }
  | { type: 'settings-changed' }
  | { type: 'diagnose-progress'; runId: string }
  | { type: 'diagnose-finished'; runId: string }
  | { type: 'sign-in-progress'; signInId: string };
export const appEventChannel = 'gridpass:event';
export const appEventSchema: z.ZodType<AppEvent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accounts-changed') }).strict(),
  z.object({ type: z.literal('settings-changed') }).strict(),
  z.object({ type: z.literal('diagnose-progress'), runId }).strict(),
  z.object({ type: z.literal('diagnose-finished'), runId }).strict(),
  z.object({ type: z.literal('sign-in-progress'), signInId: runId }).strict(),
]);

/** The API the preload exposes as `window.gridpass` (and the browser tests inject). */
export type GridpassApi = {
  [K in RequestName]: (request: RequestOf<K>) => Promise<ResponseOf<K>>;
} & {
  /** Returns an unsubscribe function. */
  onNavigate(listener: (target: NavigationTarget) => void): () => void;
  /** Every event main forwards, validated; returns an unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
};

/** What main registers with ipcMain and the browser tests expose: one handler per request. */
export type GridpassHandlers = {
  [K in RequestName]: (request: z.output<(typeof requestSchemas)[K]>) => Promise<ResponseOf<K>>;
};
