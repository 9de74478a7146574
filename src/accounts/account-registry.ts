/**
 * Saved accounts: metadata in the settings file, secrets in the keychain, kept together. Nothing
 * here ever writes a secret anywhere but the vault.
 */
import type { LoginMethod } from '../shotgrid/login-method';
import type { AccountHealthValue, CheckReasonValue, GridpassSettingsFile, PendingAuthFailure, SavedAccount } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import { secretRefProblem, type SecretKind, type SecretRef } from '../vault/secret-ref';
import type { Vault, VaultFailure } from '../vault/vault';
import { accountIdFor, parseAccountId, siteOrigin, type AccountKey } from './account-id';
import type { AccountFailure, AccountResult, CleanOrphansReport, ForgetReport } from './account-failure';
import { HeldPauses, type CheckFields } from './held-pauses';
import { sameLogin } from './login-key';
import { hashPendingLogins, loginHash, pendingIs } from './pending-login-hash';
import type { PassphraseReach, RefusalDecision } from './refusal-policy';

export interface VerifiedLogin {
  /** The site's address; only its origin is kept. */
  site: string;
  login: string;
  displayName: string | null;
  loginMethod: LoginMethod | null;
  passphrase: string;
  /**
   * A personal access token the person chose to keep; null removes a kept one. Left out (a new
   * passphrase for a saved login), whatever token is kept stays as it is.
   */
  pat?: string | null;
}

export interface SaveOutcome {
  account: SavedAccount;
  /** The login was saved but the token was not (or an old one could not be removed). */
  patFailure: VaultFailure | null;
}

export interface CheckRecord {
  at: Date;
  reason: CheckReasonValue;
  health: AccountHealthValue;
  finding: { code: string; title: string } | null;
  /** Whether the passphrase reached the site; left out when the check sent none (setup, keychain trouble). */
  reach?: PassphraseReach;
}

/** One try of a login, as the refusal policy judged it, with the check to record when the login is saved. */
export interface AttemptRecord {
  decision: RefusalDecision;
  check: CheckRecord | null;
}

export interface AttemptResult {
  /** Refusals Gridpass has caused for this login after this attempt. */
  failedLogins: number;
  /** The saved login after the write; null for a login that is not saved. */
  account: SavedAccount | null;
}

export interface AccountRegistry {
  /** Sorted by host, then login. */
  list(): SavedAccount[];
  get(id: string): SavedAccount | null;
  saveVerifiedLogin(login: VerifiedLogin): Promise<AccountResult<SaveOutcome>>;
  readSecret(id: string, kind: AccountSecretKind): Promise<AccountResult<string | null>>;
  /** Keeps the login's session token in the keychain, confirmed by the site at `at`. */
  saveSession(id: string, sessionToken: string, at: Date): Promise<AccountResult<SavedAccount>>;
  /** The kept session was accepted again at `at`. */
  confirmSession(id: string, at: Date): AccountResult<SavedAccount>;
  /** Removes the kept session (the site refused it); resolves whether there was one. */
  dropSession(id: string): Promise<AccountResult<boolean>>;
  recordCheck(id: string, check: CheckRecord): AccountResult<SavedAccount>;
  /**
   * Applies the policy's decision for one attempt (count, pause, clear) and its check in one write,
   * for a saved login or a login not saved yet.
   */
  recordAttempt(site: string, login: string, attempt: AttemptRecord): AccountResult<AttemptResult>;
  failedLogins(site: string, login: string): number;
  forget(id: string): Promise<ForgetReport>;
  forgetSite(host: string): Promise<ForgetReport>;
  /** End of booking: every account, every keychain entry, every failure count. */
  forgetAll(): Promise<ForgetReport>;
  /**
   * Passphrase, token and session entries with no saved account behind them (e.g. after a crash). Entries of
   * accounts the settings file holds but this version could not read are never among them, and
   * while a moved-aside copy of the settings file exists, no entry is.
   */
  orphans(): Promise<AccountResult<SecretRef[]>>;
  /** Why entries are kept out of `orphans()` now, for the person; null when none are. */
  orphansHeldBack(): string | null;
  cleanOrphans(): Promise<CleanOrphansReport>;
}

export interface AccountRegistryDeps {
  settings: SettingsStore;
  vault: Vault;
  now?: () => Date;
}

export function createAccountRegistry(deps: AccountRegistryDeps): AccountRegistry {
  return new SettingsAndVaultRegistry(deps.settings, deps.vault, deps.now ?? (() => new Date()));
}

/** The keychain entries a saved login owns; forgetting the login removes them all. */
export type AccountSecretKind = 'passphrase' | 'pat' | 'session';
/**
 * A session confirmed less than this long ago is not written again: a render farm asks `gridpass
 * session` from every job, and a settings write (a flushed file and a rename, under the settings lock)
 * per job would cost each job more than the check itself, and have the jobs queue for the lock.
 */
const SESSION_CONFIRMATION_STEP_MS = 60_000;

function confirmedWithinStep(confirmedAt: string | null, at: Date): boolean {
  if (confirmedAt === null) return false;
  const since = at.getTime() - Date.parse(confirmedAt);
  // A time ahead of this clock (another machine's, or a clock set back) is replaced, not kept.
  return since >= 0 && since < SESSION_CONFIRMATION_STEP_MS;
}

const accountKinds: readonly AccountSecretKind[] = ['passphrase', 'pat', 'session'];
const ref = (kind: SecretKind, key: AccountKey): SecretRef => ({ kind, host: key.host, login: key.login });
const failed = <T>(failure: AccountFailure): AccountResult<T> => ({ ok: false, failure });
/** One site account: logins are compared as the site compares them, so counts never depend on spelling. */
const sameKey = (key: AccountKey) => (entry: AccountKey) => entry.host === key.host && sameLogin(entry.login, key.login);
/** One keychain entry: entry names keep the login as it was saved, so they are matched exactly. */
const sameEntry = (key: AccountKey) => (entry: AccountKey) => entry.host === key.host && entry.login === key.login;

class SettingsAndVaultRegistry implements AccountRegistry {
  /** Pauses that hold for this process whatever the settings file says or could not be told. */
  readonly #held = new HeldPauses();

  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: Vault,
    private readonly now: () => Date,
  ) {}

  list(): SavedAccount[] {
    return this.settings.read().accounts.map((account) => this.#held.overlay(account)).sort(
      (a, b) => compare(a.host, b.host) || compare(a.login, b.login),
    );
  }

  get(id: string): SavedAccount | null {
    const account = this.settings.read().accounts.find((entry) => entry.id === id);
    return account === undefined ? null : this.#held.overlay(account);
  }

  async saveVerifiedLogin(input: VerifiedLogin): Promise<AccountResult<SaveOutcome>> {
    const key = this.#keyFor(input.site, input.login);
    if (!key.ok) return key;
    const { origin, host, login } = key.value;
    const existing = this.get(accountIdFor(host, login));
    const saved = await this.vault.save(ref('passphrase', { host, login }), input.passphrase);
    if (!saved.ok) return failed({ kind: 'vault', failure: saved.failure });
    const hadPat = existing?.hasSavedPat ?? false;
    const pat = input.pat === undefined ? { saved: hadPat, failure: null } : await this.#savePat({ host, login }, input.pat, hadPat);
    const written = this.settings.update((file) => {
      const isThisLogin = pendingIs(file, host, login);
      const pending = file.authFailures.find(isThisLogin);
      file.authFailures = file.authFailures.filter((entry) => !isThisLogin(entry));
      hashPendingLogins(file);
      const account = this.#accountRecord({ origin, host, login }, input, existing, pat.saved);
      account.failedLogins += pending?.count ?? 0;
      file.accounts = [...file.accounts.filter((entry) => entry.id !== account.id), account];
    });
    if (!written.ok) {
      // Without metadata a new login's secrets would be orphans; an existing account keeps its new ones.
      if (existing === null) await this.#removeSecrets({ host, login });
      return failed({ kind: 'settings', failure: written.failure });
    }
    const account = written.value.accounts.find((entry) => entry.host === host && entry.login === login);
    if (!account) return failed({ kind: 'not-found', message: 'The saved account could not be read back.' });
    return { ok: true, value: { account, patFailure: pat.failure } };
  }

  async readSecret(id: string, kind: AccountSecretKind): Promise<AccountResult<string | null>> {
    const account = this.get(id);
    if (!account) return failed(notFound(id));
    const result = await this.vault.read(ref(kind, account));
    return result.ok ? result : failed({ kind: 'vault', failure: result.failure });
  }

  async saveSession(id: string, sessionToken: string, at: Date): Promise<AccountResult<SavedAccount>> {
    const account = this.get(id);
    if (!account) return failed(notFound(id));
    const saved = await this.vault.save(ref('session', account), sessionToken);
    if (!saved.ok) return failed({ kind: 'vault', failure: saved.failure });
    return this.confirmSession(id, at);
  }

  /** Records when the site last accepted the kept session, to the minute (see SESSION_CONFIRMATION_STEP_MS). */
  confirmSession(id: string, at: Date): AccountResult<SavedAccount> {
    const account = this.get(id);
    if (account !== null && confirmedWithinStep(account.sessionConfirmedAt, at)) return { ok: true, value: account };
    return this.#updateAccount(id, (entry) => ({ ...entry, sessionConfirmedAt: at.toISOString() }));
  }

  async dropSession(id: string): Promise<AccountResult<boolean>> {
    const account = this.get(id);
    if (!account) return failed(notFound(id));
    const removed = await this.vault.remove(ref('session', account));
    if (!removed.ok) return failed({ kind: 'vault', failure: removed.failure });
    const written = this.#updateAccount(id, (entry) => ({ ...entry, sessionConfirmedAt: null }));
    return written.ok ? removed : written;
  }

  recordCheck(id: string, check: CheckRecord): AccountResult<SavedAccount> {
    return this.#updateAccount(id, (account) => ({ ...account, ...checkFields(check) }));
  }

  recordAttempt(site: string, login: string, attempt: AttemptRecord): AccountResult<AttemptResult> {
    const key = this.#keyFor(site, login);
    if (!key.ok) return key;
    const { host } = key.value;
    const { decision, check } = attempt;
    // In memory first: whatever happens to the write below, this process sends nothing more for it.
    const seenCheckAt = this.settings.read().accounts.find(sameKey({ host, login }))?.lastCheckedAt ?? null;
    const held = decision.pauses ? this.#held.hold({ host, login }, this.now(), seenCheckAt) : this.#held.get({ host, login });
    if (decision.clears) this.#held.release({ host, login });
    const carried = decision.clears ? 0 : held?.unsavedRefusals ?? 0;
    let result: AttemptResult = { failedLogins: 0, account: null };
    const written = this.settings.update((file) => {
      // Every saved spelling of this login is the same account on the site, with the same count.
      const accounts = file.accounts.filter(sameKey({ host, login }));
      for (const account of accounts) {
        account.failedLogins += carried;
        applyDecision(account, decision);
        if (check !== null) Object.assign(account, checkFields(check));
      }
      const account = accounts.find((entry) => entry.login === login) ?? accounts[0];
      if (account) {
        result = { failedLogins: account.failedLogins, account };
        return;
      }
      const pending = file.authFailures.find(pendingIs(file, host, login));
      const rest = file.authFailures.filter((entry) => entry !== pending);
      const count = decision.clears ? 0 : (pending?.count ?? 0) + carried + (decision.counts ? 1 : 0);
      const lastFailureAt = decision.counts || pending === undefined ? this.now().toISOString() : pending.lastFailureAt;
      file.authFailures = rest;
      // With no count to keep and none left to rewrite, nothing needs the key: a first check makes none.
      if (count > 0 || rest.length > 0) {
        const key = hashPendingLogins(file);
        if (count > 0) file.authFailures.push({ host, loginHash: loginHash(key, login), count, lastFailureAt });
      }
      result = { failedLogins: count, account: null };
    });
    if (written.ok) {
      if (held !== null && !decision.clears) Object.assign(held, { unsavedRefusals: 0, unsaved: null, seenCheckAt: result.account?.lastCheckedAt ?? null });
      this.#held.keepUnsavedCheck({ host, login }, null);
      // Counted, but only in this process: a command that ends now loses the count, so it must say so.
      const inMemory = this.settings.changesKeptInMemory;
      if (inMemory !== null && (decision.counts || decision.pauses)) return failed({ kind: 'settings', failure: { kind: 'write-failed', message: inMemory } });
      return { ok: true, value: result };
    }
    if (check !== null) this.#held.keepUnsavedCheck({ host, login }, checkFields(check));
    if (held !== null && !decision.clears) {
      held.unsavedRefusals += decision.counts ? 1 : 0;
      held.unsaved = 'Gridpass could not save that this login was refused, so it keeps it paused until you act';
    }
    return failed({ kind: 'settings', failure: written.failure });
  }

  failedLogins(site: string, login: string): number {
    const origin = siteOrigin(site);
    if (!origin.ok) return 0;
    const key = { host: origin.host, login };
    const file = this.settings.read();
    const saved = file.accounts.find(sameKey(key))?.failedLogins ?? file.authFailures.find(pendingIs(file, key.host, key.login))?.count ?? 0;
    return saved + (this.#held.get(key)?.unsavedRefusals ?? 0);
  }

  async forget(id: string): Promise<ForgetReport> {
    const key = parseAccountId(id);
    if (!key) return invalidForget(`"${id}" is not an account id.`);
    const report = await this.#removeRefs(accountKinds.map((kind) => ref(kind, key)));
    return this.#forgetMetadata(report, (entry) => sameEntry(key)(entry), false, (file) => pendingIs(file, key.host, key.login));
  }

  async forgetSite(host: string): Promise<ForgetReport> {
    const wanted = host.toLowerCase();
    const report = await this.#removeListed((entry) => entry.host === wanted);
    return this.#forgetMetadata(report, (entry) => entry.host === wanted);
  }

  async forgetAll(): Promise<ForgetReport> {
    const report = await this.#removeListed(() => true);
    return this.#forgetMetadata(report, () => true, true);
  }

  async orphans(): Promise<AccountResult<SecretRef[]>> {
    const listed = await this.vault.list();
    if (!listed.ok) return failed({ kind: 'vault', failure: listed.failure });
    const accounts = this.settings.read().accounts;
    const held = this.settings.heldBack();
    // A copy moved aside, or an account whose key cannot be told, may own any entry.
    if (held.asideFiles.length > 0 || held.accounts.some((entry) => entry.key === null)) return { ok: true, value: [] };
    const heldKeys = held.accounts.flatMap((entry) => (entry.key === null ? [] : [entry.key]));
    const isOrphan = (entry: SecretRef): boolean => {
      // Script keys belong to support staff, not to an account, so they are never orphans.
      if (entry.kind === 'script-key') return false;
      if (heldKeys.some(sameEntry(entry))) return false;
      const account = accounts.find(sameEntry(entry));
      return !account || (entry.kind === 'pat' && !account.hasSavedPat);
    };
    return { ok: true, value: listed.value.filter(isOrphan) };
  }

  orphansHeldBack(): string | null {
    const held = this.settings.heldBack();
    if (held.asideFiles.length > 0) {
      return (
        `Keychain entries are not counted as orphans while an earlier settings file is kept beside the current one ` +
        `(${held.asideFiles.join(', ')}): they may belong to the logins in it. Delete that file once you no longer need it.`
      );
    }
    if (held.accounts.length === 0) return null;
    const names = held.accounts.map((entry) => entry.label).join(', ');
    return held.accounts.some((entry) => entry.key === null)
      ? `Keychain entries are not counted as orphans while the settings file holds accounts this version cannot read (${names}).`
      : `The keychain entries of accounts this version cannot read (${names}) are not counted as orphans.`;
  }

  async cleanOrphans(): Promise<CleanOrphansReport> {
    const found = await this.orphans();
    if (!found.ok) {
      const failure = found.failure.kind === 'vault' ? found.failure.failure : null;
      return { removed: 0, failures: failure ? [{ ref: null, failure }] : [] };
    }
    const { removed, failures } = await this.#removeRefs(found.value);
    return { removed, failures };
  }

  #keyFor(site: string, login: string): AccountResult<{ origin: string; host: string; login: string }> {
    const origin = siteOrigin(site);
    if (!origin.ok) return failed({ kind: 'invalid', message: origin.message });
    const problem = secretRefProblem(ref('passphrase', { host: origin.host, login }));
    if (problem !== null) return failed({ kind: 'invalid', message: problem });
    return { ok: true, value: { origin: origin.origin, host: origin.host, login } };
  }

  async #savePat(key: AccountKey, pat: string | null, hadPat: boolean): Promise<{ saved: boolean; failure: VaultFailure | null }> {
    if (pat !== null) {
      const result = await this.vault.save(ref('pat', key), pat);
      return result.ok ? { saved: true, failure: null } : { saved: false, failure: result.failure };
    }
    if (!hadPat) return { saved: false, failure: null };
    // The person no longer wants the token kept.
    const removed = await this.vault.remove(ref('pat', key));
    return removed.ok ? { saved: false, failure: null } : { saved: true, failure: removed.failure };
  }

  #accountRecord(
    key: { origin: string; host: string; login: string },
    input: VerifiedLogin,
    existing: SavedAccount | null,
    hasSavedPat: boolean,
  ): SavedAccount {
    const at = this.now().toISOString();
    return {
      id: accountIdFor(key.host, key.login),
      site: key.origin,
      host: key.host,
      login: key.login,
      displayName: input.displayName,
      loginMethod: input.loginMethod,
      createdAt: existing?.createdAt ?? at,
      // The login was verified just now, so that is its latest check.
      lastCheckedAt: at,
      lastCheckReason: 'setup',
      lastHealth: 'ok',
      lastFindingCode: null,
      lastFindingTitle: null,
      failedLogins: existing?.failedLogins ?? 0,
      checksPaused: false,
      hasSavedPat,
      sessionConfirmedAt: existing?.sessionConfirmedAt ?? null,
    };
  }

  #updateAccount(id: string, change: (account: SavedAccount) => SavedAccount): AccountResult<SavedAccount> {
    if (!this.get(id)) return failed(notFound(id));
    let updated: SavedAccount | null = null;
    const written = this.settings.update((file) => {
      file.accounts = file.accounts.map((account) => (account.id === id ? (updated = change(account)) : account));
    });
    if (!written.ok) return failed({ kind: 'settings', failure: written.failure });
    return updated ? { ok: true, value: updated } : failed(notFound(id));
  }

  async #removeListed(matches: (entry: SecretRef) => boolean): Promise<CleanOrphansReport> {
    const listed = await this.vault.list();
    if (!listed.ok) return { removed: 0, failures: [{ ref: null, failure: listed.failure }] };
    return this.#removeRefs(listed.value.filter(matches));
  }

  async #removeRefs(refs: SecretRef[]): Promise<CleanOrphansReport> {
    const report: CleanOrphansReport = { removed: 0, failures: [] };
    for (const entry of refs) {
      const result = await this.vault.remove(entry);
      if (!result.ok) report.failures.push({ ref: entry, failure: result.failure });
      else if (result.value) report.removed++;
    }
    return report;
  }

  async #removeSecrets(key: AccountKey): Promise<void> {
    await this.#removeRefs(accountKinds.map((kind) => ref(kind, key)));
  }

  /**
   * Forgetting also lets go of matching accounts this version could not read (kept in the file as
   * found): the person has decided about them. `everything` covers those that name no login, too.
   */
  #forgetMetadata(
    secrets: CleanOrphansReport,
    matches: (entry: AccountKey) => boolean,
    everything = false,
    pendingMatches: (file: GridpassSettingsFile) => (entry: PendingAuthFailure) => boolean = () => (entry) => matches({ host: entry.host, login: entry.login ?? '' }),
  ): ForgetReport {
    let accountsRemoved = 0;
    this.settings.read();
    const heldBefore = this.settings.heldBack().accounts.length;
    const written = this.settings.update(
      (file: GridpassSettingsFile) => {
        const kept = file.accounts.filter((account) => !matches(account));
        accountsRemoved = file.accounts.length - kept.length;
        file.accounts = kept;
        const isForgotten = pendingMatches(file);
        file.authFailures = file.authFailures.filter((entry) => !isForgotten(entry));
      },
      (held) => (held.key === null ? everything : matches(held.key)),
    );
    if (written.ok) accountsRemoved += heldBefore - this.settings.heldBack().accounts.length;
    const settingsFailure = written.ok ? null : written.failure;
    return {
      accountsRemoved: written.ok ? accountsRemoved : 0,
      secretsRemoved: secrets.removed,
      secretFailures: secrets.failures,
      settingsFailure,
      complete: secrets.failures.length === 0 && settingsFailure === null,
    };
  }
}

function checkFields(check: CheckRecord): CheckFields {
  return {
    lastCheckReach: check.reach,
    lastCheckedAt: check.at.toISOString(),
    lastCheckReason: check.reason,
    lastHealth: check.health,
    lastFindingCode: check.finding?.code ?? null,
    lastFindingTitle: check.finding?.title ?? null,
  };
}

/** What the refusal policy decided, applied to the saved record. */
function applyDecision(account: SavedAccount, decision: RefusalDecision): void {
  if (decision.clears) {
    account.failedLogins = 0;
    account.checksPaused = false;
    return;
  }
  if (decision.counts) account.failedLogins += 1;
  if (decision.pauses) account.checksPaused = true;
}

function notFound(id: string): AccountFailure {
  return { kind: 'not-found', message: `No saved account has the id "${id}".` };
}

function invalidForget(message: string): ForgetReport {
  return {
    accountsRemoved: 0,
    secretsRemoved: 0,
    secretFailures: [],
    settingsFailure: { kind: 'invalid', message },
    complete: false,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
