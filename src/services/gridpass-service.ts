/**
 * The application service behind every IPC request: one handler per request of the contract. Main
 * registers it with ipcMain (through the sender-validating wrapper); the browser end-to-end tests
 * expose the very same object to the real renderer. Everything Electron-specific comes in as a
 * dependency, so this runs unchanged in Node.
 */
import { createAccountRegistry } from '../accounts/account-registry';
import { lockoutThreshold } from '../accounts/refusal-policy';
import { recordAttempt } from '../use-cases/record-attempt';
import type { CheckDependencies } from '../diagnosis/check-dependencies';
import { findingFor, type FindingContext } from '../diagnosis/finding-catalogue';
import { createNodeNetworkProbes, type NetworkProbes } from '../diagnosis/node-network-probes';
import { keychainSelfTestResult } from '../diagnosis/keychain-self-test-result';
import { nodeEnvironmentFacts } from '../diagnosis/node-environment-facts';
import type {
  AccountView, AppStateView, CheckReason, GridpassHandlers, KeychainStatus, ManagedConfigView, ResponseOf, SettingsView, SimpleResponse,
} from '../ipc/contract';
import type { NetworkStackInfo } from '../net/network-stack';
import { realPollClock, type BrowserSignInTiming, type PollClock } from '../shotgrid/browser-sign-in';
import { createBrowserSignInClient } from '../shotgrid/browser-sign-in-client';
import { createShotgridClient } from '../shotgrid/create-shotgrid-client';
import type { FetchLike } from '../net/fetch-like';
import { gridpassUserAgent } from '../shotgrid/user-agent';
import { SecretList } from '../redaction/redact';
import { parseSiteAddress } from '../site/site-address';
import type { SettingsStore } from '../settings/settings-store';
import type { Vault } from '../vault/vault';
import { createAccountsService } from './accounts-service';
import { createBrowserSignInService } from './browser-sign-in-service';
import { createClipboardGuard, type Clipboard } from './clipboard-guard';
import { createDiagnoseService, type ResolvedDiagnoseTarget } from './diagnose-service';
import { observedSettings } from './observed-settings';
import { createOnboardingService } from './onboarding-service';
import { rememberingVault, rememberRequestSecrets } from './remembered-secrets';
import { createServiceEventHub, type ServiceEvents } from './service-events';

interface GridpassServiceDeps {
  version: string;
  platform: NodeJS.Platform;
  /** Electron's `net.fetch` in the app; Node's (proxy-aware) fetch in tests and the CLI. */
  fetch: FetchLike;
  network: NetworkStackInfo;
  settings: SettingsStore;
  vault: Vault;
  managedConfig: ManagedConfigView | null;
  /** Problems found in managed config files, shown in Settings. */
  managedConfigNotices?: readonly string[];
  /** A site waiting to prefill the wizard (deep link, managed config, practice site). */
  setupSite: () => string | null;
  /** Opens a URL in the browser after main's allow-list check. */
  openExternal: (url: string) => Promise<SimpleResponse>;
  clipboard: Clipboard;
  saveFile: (suggestedName: string, contents: string) => Promise<ResponseOf<'saveDiagnoseReport'>>;
  networkProbes?: NetworkProbes;
  now?: () => Date;
  timeoutMs?: number;
  /** The time a browser sign-in waits and polls on; real time unless a test moves it. */
  signInClock?: PollClock;
  signInTiming?: Partial<BrowserSignInTiming>;
  /** A subscriber to the service's events threw. */
  onEventListenerError?: (error: unknown) => void;
  /**
   * Learns every secret an operation handles (requests, keychain reads and writes), so main's log
   * redactor masks them as the report redactor does.
   */
  secrets?: SecretList;
}

export type GridpassService = GridpassHandlers & {
  /** A check started by the scheduler or the tray, not by a request. */
  runScheduledCheck(accountId: string, reason: Exclude<CheckReason, 'manual' | 'setup'>): Promise<AccountView>;
  /** The newest finished diagnose report (Markdown, redacted), for the tray. */
  latestReport(): string | null;
  /** Forgets everything held in memory and clears a PAT still on the clipboard. */
  dispose(): Promise<void>;
  /** What changed, as it happens: the tray and the window update from these. */
  events: ServiceEvents;
};

export function createGridpassService(deps: GridpassServiceDeps): GridpassService {
  const now = deps.now ?? (() => new Date());
  const events = createServiceEventHub(deps.onEventListenerError);
  const settings = observedSettings(deps.settings, events.emit);
  const client = createShotgridClient({
    fetch: deps.fetch,
    userAgent: gridpassUserAgent(deps.version, deps.platform),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });
  const signIn = createBrowserSignInService({
    client: createBrowserSignInClient({
      fetch: deps.fetch,
      userAgent: gridpassUserAgent(deps.version, deps.platform),
      clock: deps.signInClock ?? realPollClock,
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.signInTiming ? { timing: deps.signInTiming } : {}),
    }),
    probe: (site) => client.probe(site),
    findingContext: (partial) => findingContext(partial),
    openExternal: (url) => deps.openExternal(url),
    chooseSite: (site) => events.emit({ type: 'site-chosen', site }),
    onProgress: (signInId) => events.emit({ type: 'sign-in-progress', signInId }),
    clock: deps.signInClock ?? realPollClock,
  });
  const secrets = deps.secrets ?? new SecretList();
  const vault = rememberingVault(deps.vault, secrets);
  const registry = createAccountRegistry({ settings, vault, now });
  const clipboard = createClipboardGuard(deps.clipboard);
  const probes = deps.networkProbes ?? createNodeNetworkProbes();
  const findingContext = (partial: Pick<FindingContext, 'loginMethod' | 'site' | 'login' | 'failedLogins'>): FindingContext =>
    ({ ...partial, networkStack: deps.network.stack, platform: deps.platform });

  const onboarding = createOnboardingService({ client, registry, clipboard, findingContext, now: () => now().getTime() });
  const diagnose = createDiagnoseService({
    checkDependencies: async (): Promise<CheckDependencies> => ({
      client,
      environment: nodeEnvironmentFacts(deps.version, deps.network),
      keychainSelfTest: async () => keychainSelfTestResult(await deps.vault.selfTest()),
      ...probes,
      now,
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    }),
    recordLoginAttempt: async ({ target, accountId }, attempt) => {
      if (accountId !== null) accounts.recordAttempt(accountId, attempt);
      else if (target.site && target.login) recordAttempt(registry, target.site.origin, target.login, attempt, null);
    },
    clipboard,
    saveFile: deps.saveFile,
    now,
    onProgress: (runId) => events.emit({ type: 'diagnose-progress', runId }),
    onFinished: (runId) => events.emit({ type: 'diagnose-finished', runId }),
  });
  const accounts = createAccountsService({
    client, registry, findingContext, now,
    onNotSaved: () => events.emit({ type: 'accounts-changed' }),
    forgetHeldSecrets: async () => {
      onboarding.clear();
      signIn.clear();
      diagnose.clear();
      // A token copied a moment ago would otherwise stay on the clipboard for the rest of its 60 s.
      await clipboard.clearPendingSecret();
    },
  });

  let keychainStatus: Promise<KeychainStatus> | null = null;
  const keychain = () => (keychainStatus ??= probeKeychain(deps.vault));

  function settingsView(): SettingsView {
    const { settings: saved } = settings.read();
    const notices = [settings.notice, ...(deps.managedConfigNotices ?? [])].filter((n): n is string => Boolean(n));
    return {
      checkIntervalHours: deps.managedConfig?.checkIntervalHours ?? saved.checkIntervalHours,
      launchAtLogin: saved.launchAtLogin,
      notifications: saved.notifications,
      managed: deps.managedConfig,
      notice: notices.length > 0 ? notices.join(' ') : null,
    };
  }

  function inputFinding(message: string) {
    return findingFor('GP-INPUT-SITE', findingContext({ loginMethod: null, site: null }), { inputMessage: message });
  }

  /** A sign-in unknown, expired or for another site is the verdict, and no person narrows anything. */
  function withSignedIn(resolved: ResolvedDiagnoseTarget, signInId: string): ResolvedDiagnoseTarget {
    const site = resolved.target.site;
    if (site === null || resolved.inputFinding !== null) return resolved;
    const confirmed = signIn.confirmedPerson(signInId, site.origin);
    if (confirmed.ok) return { ...resolved, target: { ...resolved.target, signedIn: confirmed.person } };
    // The passphrase was given to be checked against that person: without them it is not sent at all.
    const { passphrase: _withheld, ...unsent } = resolved.target;
    return { ...resolved, target: unsent, inputFinding: inputFinding('That browser sign-in is no longer known (it expired, or was for another site): confirm who you are in your browser again, then run the checks.') };
  }

  async function resolveDiagnoseTarget(target: Parameters<GridpassHandlers['startDiagnose']>[0]['target']): Promise<ResolvedDiagnoseTarget> {
    if (target.kind === 'site') {
      const parsed = parseSiteAddress(target.site);
      const login = target.login?.trim() || undefined;
      return {
        target: { site: parsed.ok ? parsed.site : null, ...(login ? { login } : {}), ...(target.passphrase ? { passphrase: target.passphrase } : {}) },
        accountId: null,
        inputFinding: parsed.ok ? null : inputFinding(parsed.error.message),
      };
    }
    const account = registry.get(target.accountId);
    if (account === null) {
      return { target: { site: null }, accountId: null, inputFinding: inputFinding('That login is no longer saved in Gridpass. Pick another one, or type the site and login.') };
    }
    const parsed = parseSiteAddress(account.site);
    const site = parsed.ok ? parsed.site : null;
    // A refused login is not tried again behind the person's back, not even by a diagnosis.
    const secret = account.checksPaused ? null : await registry.readSecret(account.id, 'passphrase');
    const passphrase = secret?.ok ? secret.value ?? undefined : undefined;
    return {
      target: {
        site,
        login: account.login,
        failedLogins: account.failedLogins,
        // The saved passphrase comes from the keychain: without it this diagnosis cannot do its job.
        needsKeychain: true,
        ...(passphrase ? { passphrase } : {}),
        ...(account.checksPaused ? { passphraseWithheld: 'the saved passphrase was refused last time, so it is not tried again until you check it yourself' } : {}),
      },
      accountId: account.id,
      inputFinding: null,
    };
  }

  const handlers: GridpassHandlers = {
    async getAppState(): Promise<AppStateView> {
      return {
        version: deps.version,
        platform: deps.platform,
        keychain: await keychain(),
        settings: settingsView(),
        setupSite: deps.managedConfig?.siteLocked ? deps.managedConfig.site : deps.setupSite(),
        accountsCount: registry.list().length,
        keptPat: registry.list().some((account) => account.hasSavedPat),
      };
    },
    async probeSite({ address }) {
      const probed = await onboarding.probeSite(address);
      if (probed.ok && !isProposedSite(probed.site.url, deps.setupSite())) events.emit({ type: 'site-chosen', site: probed.site.url });
      return probed;
    },
    async verifyLogin({ signInId, ...request }) {
      // Signing in to a site is choosing it, even when a link proposed it.
      const parsed = parseSiteAddress(request.site);
      if (parsed.ok) events.emit({ type: 'site-chosen', site: parsed.site.origin });
      if (signInId === undefined || !parsed.ok) return onboarding.verifyLogin(request);
      // Confirmed in the browser: a login that is not the person's is asked about, never sent.
      const checked = signIn.checkLogin(signInId, parsed.site.origin, request.login.trim());
      if (!checked.ok) {
        const failedLogins = registry.failedLogins(parsed.site.origin, request.login.trim());
        return { ok: false, reason: 'failed', finding: checked.finding, failedLogins, lockoutThreshold, lockoutWarning: null };
      }
      return onboarding.verifyLogin({ ...request, signedIn: checked.signedIn });
    },
    submitTwoFactorCode: (request) => onboarding.submitTwoFactorCode(request),
    async saveLogin(request) {
      const saved = await onboarding.saveLogin(request);
      if (saved.ok) {
        updateSettings({ launchAtLogin: request.launchAtLogin, checkIntervalHours: request.checkIntervalHours });
        // A fresh keychain write proves the keychain works, whatever the start-up probe said.
        keychainStatus = Promise.resolve({ state: 'ok', backend: deps.vault.backend });
        events.emit({ type: 'site-chosen', site: saved.account.site });
        return { ...saved, account: accounts.recordVerified(saved.account.id) };
      }
      return saved;
    },
    holdPat: async (request) => onboarding.holdPat(request),
    copyPat: (request) => onboarding.copyPat(request),
    listAccounts: async () => accounts.list(),
    checkAccount: ({ accountId }) => accounts.check(accountId, 'manual'),
    async replacePassphrase(request) {
      const replaced = await onboarding.replacePassphrase(request);
      return replaced.ok ? { ...replaced, account: accounts.recordVerified(replaced.account.id) } : replaced;
    },
    forgetAccount: ({ accountId }) => accounts.forget(accountId),
    endOfBooking: () => accounts.endOfBooking(),
    listOrphans: () => accounts.orphans(),
    cleanOrphans: () => accounts.cleanOrphans(),
    async startDiagnose({ target, signInId }) {
      const resolved = await resolveDiagnoseTarget(target);
      return diagnose.start(signInId === undefined ? resolved : withSignedIn(resolved, signInId));
    },
    diagnoseStatus: async ({ runId }) => diagnose.status(runId),
    diagnoseReport: async ({ runId, format }) => diagnose.report(runId, format),
    copyDiagnoseReport: async ({ runId }) => diagnose.copyReport(runId),
    copyText: async ({ text }) => ((await clipboard.copyText(text)) ? { ok: true } : { ok: false, message: 'The clipboard could not be used. Select the text and copy it instead.' }),
    saveDiagnoseReport: ({ runId, format }) => diagnose.saveReport(runId, format),
    updateSettings: async (patch) => updateSettings(patch),
    openExternal: ({ url }) => deps.openExternal(url),
    startBrowserSignIn: (request) => signIn.start(request),
    browserSignInStatus: async ({ signInId }) => signIn.status(signInId),
    cancelBrowserSignIn: async ({ signInId }) => signIn.cancel(signInId),
  };

  function updateSettings(patch: { checkIntervalHours?: number | undefined; launchAtLogin?: boolean | undefined; notifications?: boolean | undefined }): SettingsView {
    settings.update((file) => {
      if (patch.checkIntervalHours !== undefined && deps.managedConfig?.checkIntervalHours == null) file.settings.checkIntervalHours = patch.checkIntervalHours;
      if (patch.launchAtLogin !== undefined) file.settings.launchAtLogin = patch.launchAtLogin;
      if (patch.notifications !== undefined) file.settings.notifications = patch.notifications;
    });
    return settingsView();
  }

  return {
    ...rememberingHandlers(handlers, secrets),
    runScheduledCheck: (accountId, reason) => accounts.check(accountId, reason),
    latestReport: () => diagnose.latestReport(),
    events,
    async dispose() {
      onboarding.clear();
      signIn.clear();
      diagnose.clear();
      await clipboard.clearPendingSecret();
    },
  };
}

/** Each handler, telling `secrets` the secrets its request carries before it runs. */
function rememberingHandlers(handlers: GridpassHandlers, secrets: SecretList): GridpassHandlers {
  const wrapped: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (request: unknown) => Promise<unknown>]>) {
    wrapped[name] = (request) => {
      rememberRequestSecrets(request, secrets);
      return handler(request);
    };
  }
  return wrapped as unknown as GridpassHandlers;
}

/** Whether the keychain works, from the vault's self-test; run once per start, never with a real secret. */
async function probeKeychain(vault: Vault): Promise<KeychainStatus> {
  const result = keychainSelfTestResult(await vault.selfTest());
  return result.ok
    ? { state: 'ok', backend: vault.backend }
    : { state: result.problem ?? 'unavailable', backend: vault.backend, message: result.message, fix: result.fix };
}

/**
 * A site a link or the environment put into the wizard was proposed, not chosen: that it answers
 * `info` says nothing about who runs it. Typing a different address is a choice.
 */
function isProposedSite(siteUrl: string, proposed: string | null): boolean {
  if (proposed === null) return false;
  const parsed = parseSiteAddress(proposed);
  return parsed.ok && parsed.site.origin === new URL(siteUrl).origin;
}
