import type { LoginMethod } from '../shotgrid/login-method';
import { sameSecret } from './account-book';
import type { AccountBook, AccountRecord } from './account-book';
import type { Principal } from './principal';
import type { SessionStore } from './session-store';

/** The credentials a request carried, whichever protocol it came in on. */
export type Credentials =
  | { kind: 'password'; login: string; password: string; twoFactorCode?: string }
  | { kind: 'script'; scriptName: string; scriptKey: string }
  | { kind: 'session'; sessionToken: string; rejectIfExpired: boolean }
  | { kind: 'none' };

/** `caller-not-allowed`: a script without the permission; `person-not-allowed`: a HumanUser who is not an admin. */
type SudoRefusalReason = 'unknown' | 'inactive' | 'not-impersonable' | 'caller-not-allowed' | 'person-not-allowed';

/** Why the site said no, before either protocol words it. */
export type Refusal =
  | { kind: 'missing-credentials' }
  | { kind: 'sso-only' }
  | { kind: 'bad-user-credentials'; login: string }
  | { kind: 'no-pat'; login: string; missing: 'passphrase' | 'pat' }
  | { kind: 'locked'; login: string; until: Date }
  | { kind: 'inactive'; login: string }
  | { kind: 'two-factor-missing'; login: string }
  | { kind: 'two-factor-invalid'; login: string }
  | { kind: 'bad-script-credentials'; scriptName: string }
  | { kind: 'bad-session'; tokenTail: string }
  | { kind: 'session-expired'; tokenTail: string }
  | { kind: 'sudo-refused'; target: string; reason: SudoRefusalReason };

type AuthDecision =
  | { ok: true; principal: Principal; sudoAs: string | null; sessionId: string | null }
  | { ok: false; refusal: Refusal; principal: Principal | null };

type Check = { ok: true; principal: Principal; sessionId: string | null } | { ok: false; refusal: Refusal; principal: Principal | null };

/**
 * Decides whether credentials let a request in, with the rules of the site's login method: SSO sites refuse
 * passwords, Identity sites also want a bound PAT, failures count towards the hour-long lockout.
 */
export class Gatekeeper {
  constructor(
    private readonly method: LoginMethod,
    private readonly book: AccountBook,
    private readonly sessions: SessionStore,
  ) {}

  authenticate(credentials: Credentials, sudoAsLogin: string | null, now: Date): AuthDecision {
    const check = this.check(credentials, now);
    if (!check.ok) return check;
    if (sudoAsLogin === null || sudoAsLogin === '') return { ...check, sudoAs: null };
    const sudoRefusal = this.sudoRefusal(check.principal, sudoAsLogin);
    if (sudoRefusal !== null) return { ok: false, refusal: sudoRefusal, principal: check.principal };
    return { ...check, sudoAs: sudoAsLogin };
  }

  private check(credentials: Credentials, now: Date): Check {
    switch (credentials.kind) {
      case 'none':
        return { ok: false, refusal: { kind: 'missing-credentials' }, principal: null };
      case 'password':
        return this.checkPassword(credentials, now);
      case 'script':
        return this.checkScript(credentials);
      case 'session':
        return this.checkSession(credentials, now);
    }
  }

  private checkPassword(credentials: Extract<Credentials, { kind: 'password' }>, now: Date): Check {
    if (this.method === 'saml2') return refuse({ kind: 'sso-only' });
    const record = this.book.liveAccount(credentials.login);
    if (record === undefined) return refuse({ kind: 'bad-user-credentials', login: credentials.login });
    const principal = humanPrincipal(record);
    const refusal = this.passwordRefusal(record, credentials, now);
    if (refusal !== null) return { ok: false, refusal, principal };
    this.book.recordSuccess(record);
    return { ok: true, principal, sessionId: null };
  }

  /**
   * The checks in the order a person meets them; each failure that looks like guessing counts towards a lock.
   * A lock refuses even the right passphrase, while "inactive" is only told to someone who knows it. A live
   * site's order here is UNVERIFIED; this one never tells a stranger more than "can't authenticate".
   */
  private passwordRefusal(
    record: AccountRecord,
    credentials: Extract<Credentials, { kind: 'password' }>,
    now: Date,
  ): Refusal | null {
    const login = record.seed.login;
    if (this.book.isLocked(record, now) && record.lockedUntil !== null) {
      return { kind: 'locked', login, until: record.lockedUntil };
    }
    const identitySite = this.method === 'oxygen';
    const failed = (refusal: Refusal): Refusal => {
      this.book.recordFailure(record, now);
      return refusal;
    };
    if (record.seed.passphrase === null) {
      return failed(identitySite ? { kind: 'no-pat', login, missing: 'passphrase' } : { kind: 'bad-user-credentials', login });
    }
    if (!sameSecret(record.seed.passphrase, credentials.password)) return failed({ kind: 'bad-user-credentials', login });
    if (identitySite && !record.seed.patBound) return failed({ kind: 'no-pat', login, missing: 'pat' });
    if (record.status !== 'act') return { kind: 'inactive', login };
    switch (this.book.checkTwoFactor(record, credentials.twoFactorCode)) {
      case 'missing':
        // Not a failure: it is the first half of every 2FA login.
        return { kind: 'two-factor-missing', login };
      case 'invalid':
        return failed({ kind: 'two-factor-invalid', login });
      case 'accepted':
      case 'not-required':
        return null;
    }
  }

  private checkScript(credentials: Extract<Credentials, { kind: 'script' }>): Check {
    const script = this.book.script(credentials.scriptName);
    if (script === undefined || !sameSecret(script.key, credentials.scriptKey)) {
      return refuse({ kind: 'bad-script-credentials', scriptName: credentials.scriptName });
    }
    return { ok: true, principal: { type: 'ApiUser', id: script.id, scriptName: script.name }, sessionId: null };
  }

  private checkSession(credentials: Extract<Credentials, { kind: 'session' }>, now: Date): Check {
    const tokenTail = credentials.sessionToken.slice(-4);
    const lookup = this.sessions.use(credentials.sessionToken, now);
    if (lookup.kind === 'unknown') return refuse({ kind: 'bad-session', tokenTail });
    if (lookup.kind === 'expired') {
      if (credentials.rejectIfExpired) return { ok: false, refusal: { kind: 'session-expired', tokenTail }, principal: lookup.principal };
      this.sessions.revive(credentials.sessionToken, now);
    }
    const principal = lookup.principal;
    if (principal.type === 'HumanUser') {
      const record = this.book.accountById(principal.id);
      if (record === undefined || record.seed.retired) return refuse({ kind: 'bad-session', tokenTail });
      if (record.status !== 'act') return { ok: false, refusal: { kind: 'inactive', login: record.seed.login }, principal };
    }
    return { ok: true, principal, sessionId: credentials.sessionToken };
  }

  /** A live site checks the target's status and its "Can impersonate this user" flag, in that order. */
  private sudoRefusal(caller: Principal, target: string): Refusal | null {
    if (!this.mayImpersonate(caller)) {
      return { kind: 'sudo-refused', target, reason: caller.type === 'HumanUser' ? 'person-not-allowed' : 'caller-not-allowed' };
    }
    const record = this.book.liveAccount(target);
    if (record === undefined) return { kind: 'sudo-refused', target, reason: 'unknown' };
    if (record.status !== 'act') return { kind: 'sudo-refused', target, reason: 'inactive' };
    if (!record.seed.canBeImpersonated) return { kind: 'sudo-refused', target, reason: 'not-impersonable' };
    return null;
  }

  private mayImpersonate(caller: Principal): boolean {
    if (caller.type === 'ApiUser') return this.book.scriptById(caller.id)?.canSudo ?? false;
    return this.book.accountById(caller.id)?.seed.permissionGroup === 'Admin';
  }
}

function refuse(refusal: Refusal): Check {
  return { ok: false, refusal, principal: null };
}

function humanPrincipal(record: AccountRecord): Principal {
  return { type: 'HumanUser', id: record.seed.id, login: record.seed.login };
}
