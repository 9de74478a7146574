/**
 * The wizard's side in main: probe the site, verify the login, hold what was verified until the person
 * saves it, and hold a pasted PAT so it can be copied again. In the style of Electron Fiddle's token
 * handling: the secret lives in main, is checked against the site before it is saved, and the renderer
 * only ever sees who the person is.
 */
import type { AccountRegistry } from '../accounts/account-registry';
import { lockoutThreshold, refusalsLeft } from '../accounts/refusal-policy';
import { findingFor, findingForFailure, type FindingContext } from '../diagnosis/finding-catalogue';
import { keepSessionAfterSave } from '../use-cases/keep-session';
import { verifyLogin } from '../use-cases/verify-login';
import type { HumanUserRecord, ShotgridClient, SiteInfo } from '../shotgrid/shotgrid-client';
import { describeLoginProblem, parseLoginInput } from '../shotgrid/login-input';
import { parseSiteAddress } from '../site/site-address';
import type { SiteAddress } from '../site/site-address';
import type { Finding, PatResponse, ProbeResponse, SaveResponse, SimpleResponse, VerifyResponse } from '../ipc/contract';
import { accountFailureFinding } from '../diagnosis/account-failure-finding';
import type { SignedInFacts } from '../diagnosis/finding-context';
import type { ClipboardGuard } from './clipboard-guard';
import { ExpiringMap } from './expiring-map';
import { parsePatInput } from './pat-input';
import { toAccountView, toSiteView, toUserView } from './views';

interface OnboardingDeps {
  client: ShotgridClient;
  registry: AccountRegistry;
  clipboard: ClipboardGuard;
  /** Where the finding's steps should point: which network stack and OS this is. */
  findingContext: (partial: Pick<FindingContext, 'loginMethod' | 'site' | 'login' | 'failedLogins'>) => FindingContext;
  now: () => number;
}

interface LoginAttempt {
  site: SiteAddress;
  info: SiteInfo;
  login: string;
  passphrase: string;
  /** Who a browser sign-in confirmed the person is: a refusal is then narrowed to the causes that remain. */
  signedIn?: SignedInFacts;
}

interface Verification extends LoginAttempt {
  user: HumanUserRecord;
  /** The session a 2FA code was swapped for: the code worked once, so this is the only session there is. */
  sessionToken: string | null;
}

const patClipboardSeconds = 60;

export function createOnboardingService(deps: OnboardingDeps) {
  const attempts = new ExpiringMap<LoginAttempt>(10 * 60_000, deps.now);
  const verifications = new ExpiringMap<Verification>(15 * 60_000, deps.now);
  const heldPats = new ExpiringMap<string>(30 * 60_000, deps.now);

  function siteInputFinding(message: string): Finding {
    return findingFor('GP-INPUT-SITE', deps.findingContext({ loginMethod: null, site: null }), { inputMessage: message });
  }

  async function probe(address: string): Promise<{ ok: true; site: SiteAddress; info: SiteInfo } | { ok: false; finding: Finding }> {
    const parsed = parseSiteAddress(address);
    if (!parsed.ok) return { ok: false, finding: siteInputFinding(parsed.error.message) };
    const result = await deps.client.probe(parsed.site);
    if (!result.ok) {
      return { ok: false, finding: findingForFailure(result.failure, deps.findingContext({ loginMethod: null, site: parsed.site })) };
    }
    return { ok: true, site: parsed.site, info: result.value };
  }

  async function attempt(request: LoginAttempt, twoFactorCode?: string): Promise<VerifyResponse> {
    const { site, info, login } = request;
    // With a 2FA code the login is swapped for a session at once (python-api does the same): the code works
    // once, so it is the only chance to get a session the tools can use later.
    const result = await verifyLogin({ client: deps.client, registry: deps.registry }, {
      site, info, login, passphrase: request.passphrase, ...(twoFactorCode ? { twoFactorCode } : {}), keepSession: Boolean(twoFactorCode),
    });
    const { failedLogins } = result.recorded;
    if (result.ok) {
      const verificationId = verifications.put({ ...request, user: result.user, sessionToken: result.sessionToken });
      return { ok: true, verificationId, user: toUserView(result.user), site: toSiteView(site, info) };
    }
    const failure = result.failure;
    const context = refusalContext(request);
    if (failure.kind === 'two-factor-required' || failure.kind === 'two-factor-rejected') {
      const attemptId = attempts.put(request);
      const codeRefused = failure.kind === 'two-factor-rejected';
      return {
        ok: false, reason: 'two-factor-required', attemptId, finding: findingForFailure(failure, context), codeRefused,
        failedLogins, lockoutThreshold, lockoutWarning: codeRefused ? lockoutWarning(failedLogins) : null,
      };
    }
    return { ok: false, reason: 'failed', finding: findingForFailure(failure, context), failedLogins, lockoutThreshold, lockoutWarning: lockoutWarning(failedLogins) };
  }

  /** What a refusal is explained with: the confirmed person, or else that the site offers to find them. */
  function refusalContext({ site, info, login, signedIn }: LoginAttempt): FindingContext {
    const context = deps.findingContext({ loginMethod: info.loginMethod, site, login });
    return signedIn ? { ...context, signedIn } : { ...context, browserSignInOffered: info.appSessionLauncher };
  }

  /** A blank code is a field error: nothing is sent, and the same attempt waits for a real code. */
  function blankCode(pending: LoginAttempt, attemptId: string): VerifyResponse {
    const context = deps.findingContext({ loginMethod: pending.info.loginMethod, site: pending.site, login: pending.login });
    return {
      ok: false, reason: 'two-factor-required', attemptId, finding: findingFor('GP-AUTH-2FA-REQUIRED', context), codeRefused: false,
      codeProblem: 'Enter the code first: Gridpass did not try the login without it.',
      failedLogins: deps.registry.failedLogins(pending.site.origin, pending.login), lockoutThreshold, lockoutWarning: null,
    };
  }

  return {
    async probeSite(address: string): Promise<ProbeResponse> {
      const probed = await probe(address);
      return probed.ok ? { ok: true, site: toSiteView(probed.site, probed.info) } : probed;
    },

    async verifyLogin(request: { site: string; login: string; passphrase: string; signedIn?: SignedInFacts }): Promise<VerifyResponse> {
      const parsed = parseLoginInput(request.login);
      // A login the site would refuse (or that holds the passphrase pasted along) is never sent or filed.
      if (!parsed.ok || request.passphrase.trim() === '') {
        const inputMessage = parsed.ok ? 'The legacy passphrase is empty.' : describeLoginProblem(parsed.problem);
        const finding = findingFor('GP-INPUT-LOGIN', deps.findingContext({ loginMethod: null, site: null }), { inputMessage });
        return { ok: false, reason: 'failed', finding, failedLogins: 0, lockoutThreshold, lockoutWarning: null };
      }
      const { login } = parsed;
      const probed = await probe(request.site);
      if (!probed.ok) return { ok: false, reason: 'failed', finding: probed.finding, failedLogins: 0, lockoutThreshold, lockoutWarning: null };
      return attempt({ site: probed.site, info: probed.info, login, passphrase: request.passphrase, ...(request.signedIn ? { signedIn: request.signedIn } : {}) });
    },

    async submitTwoFactorCode(request: { attemptId: string; code: string }): Promise<VerifyResponse> {
      const pending = attempts.take(request.attemptId);
      const code = request.code.replace(/\s+/g, '');
      if (pending === undefined) {
        const finding = findingFor('GP-WIZARD-EXPIRED', deps.findingContext({ loginMethod: null, site: null }));
        return { ok: false, reason: 'failed', finding, failedLogins: 0, lockoutThreshold, lockoutWarning: null };
      }
      // Without a code the login would go out with the passphrase alone: one more try for nothing.
      if (code === '') return blankCode(pending, attempts.put(pending));
      return attempt(pending, code);
    },

    async saveLogin(request: { verificationId: string; keepPat: boolean }): Promise<SaveResponse> {
      const verified = verifications.take(request.verificationId);
      if (verified === undefined) {
        return { ok: false, finding: findingFor('GP-WIZARD-EXPIRED', deps.findingContext({ loginMethod: null, site: null })) };
      }
      const pat = heldPats.take(verified.site.origin) ?? null;
      const saved = await deps.registry.saveVerifiedLogin({
        site: verified.site.origin,
        login: verified.login,
        displayName: verified.user.name,
        loginMethod: verified.info.loginMethod,
        passphrase: verified.passphrase,
        pat: request.keepPat ? pat : null,
      });
      if (!saved.ok) {
        // Kept so the person can retry once the keychain is unlocked, without typing again.
        verifications.put(verified, request.verificationId);
        if (pat !== null) heldPats.put(pat, verified.site.origin);
        return { ok: false, finding: accountFailureFinding(saved.failure, deps.findingContext({ loginMethod: verified.info.loginMethod, site: verified.site })) };
      }
      await keepSessionAfterSave({ client: deps.client, registry: deps.registry, now: () => new Date(deps.now()) }, saved.value.account.id, {
        site: verified.site, info: verified.info, login: verified.login, passphrase: verified.passphrase, sessionToken: verified.sessionToken,
      });
      return { ok: true, account: toAccountView(deps.registry.get(saved.value.account.id) ?? saved.value.account), keychain: 'saved' };
    },

    /**
     * A new passphrase for a saved login, verified a moment ago through `verifyLogin`: only now is it
     * written over the old keychain entry (a kept token stays). A verification of another login
     * cannot overwrite this one.
     */
    async replacePassphrase(request: { verificationId: string; accountId: string }): Promise<SaveResponse> {
      const verified = verifications.take(request.verificationId);
      const account = deps.registry.get(request.accountId);
      const context = deps.findingContext({ loginMethod: account?.loginMethod ?? null, site: verified?.site ?? null });
      if (verified === undefined || account === null || account.site !== verified.site.origin || account.login !== verified.login) {
        return { ok: false, finding: findingFor('GP-WIZARD-EXPIRED', context) };
      }
      const saved = await deps.registry.saveVerifiedLogin({
        site: verified.site.origin, login: verified.login, displayName: verified.user.name, loginMethod: verified.info.loginMethod, passphrase: verified.passphrase,
      });
      if (!saved.ok) {
        verifications.put(verified, request.verificationId);
        return { ok: false, finding: accountFailureFinding(saved.failure, context) };
      }
      return { ok: true, account: toAccountView(saved.value.account), keychain: 'saved' };
    },

    holdPat(request: { site: string; pat: string }): PatResponse {
      const parsed = parseSiteAddress(request.site);
      if (!parsed.ok) return { ok: false, message: parsed.error.message };
      const pat = parsePatInput(request.pat);
      if (!pat.ok) return pat;
      heldPats.put(pat.pat, parsed.site.origin);
      return { ok: true, length: pat.pat.length };
    },

    async copyPat(request: { site: string }): Promise<SimpleResponse & { clearsAfterSeconds?: number }> {
      const parsed = parseSiteAddress(request.site);
      if (!parsed.ok) return { ok: false, message: parsed.error.message };
      const pat = heldPats.get(parsed.site.origin) ?? (await keptPatFor(deps.registry, parsed.site));
      if (pat === null) return { ok: false, message: 'Gridpass holds no token for this site. Paste it first.' };
      if (!(await deps.clipboard.copySecret(pat, patClipboardSeconds))) {
        return { ok: false, message: 'The clipboard could not be used. Try again, or paste the token from the Autodesk page.' };
      }
      return { ok: true, clearsAfterSeconds: patClipboardSeconds };
    },

    /** Drops everything held in memory (on quit, and at the end of a booking). */
    clear(): void {
      attempts.clear();
      verifications.clear();
      heldPats.clear();
    },
  };
}

/**
 * The wizard shows the count beside this warning, so the finding itself leaves the count out. It names no
 * culprit: a wrong passphrase and a wrong 2FA code both count, and the refusal's finding says which it was.
 */
function lockoutWarning(failedLogins: number): string | null {
  if (failedLogins === 0) return null;
  const left = refusalsLeft(failedLogins);
  const rule = `ShotGrid locks an account for an hour after ${lockoutThreshold} refused logins in a row`;
  return left > 0
    ? `${rule} (${left} left).`
    : `${rule}. Wait an hour, or ask your ShotGrid admin to clear "Locked Until".`;
}

/**
 * A PAT the person chose to keep: this site's first, else one kept for another site. Whether one token
 * can be bound on several sites is not documented, so the wizard offers it and says what to do if the
 * site refuses it (create a new token for this site).
 */
async function keptPatFor(registry: AccountRegistry, site: SiteAddress): Promise<string | null> {
  const kept = registry.list().filter((account) => account.hasSavedPat);
  const thisSiteFirst = [...kept.filter((account) => account.site === site.origin), ...kept.filter((account) => account.site !== site.origin)];
  for (const account of thisSiteFirst) {
    const pat = await registry.readSecret(account.id, 'pat');
    if (pat.ok && pat.value !== null) return pat.value;
  }
  return null;
}
