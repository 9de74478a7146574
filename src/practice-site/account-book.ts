import { timingSafeEqual } from 'node:crypto';
import { lockoutDurationMs, lockoutThreshold } from '../shotgrid/lockout';
import type { PracticeAccountSeed, PracticeScriptSeed } from './practice-seed';

/** A person's account as the site holds it while running. */
export interface AccountRecord {
  readonly seed: PracticeAccountSeed;
  status: 'act' | 'dis';
  consecutiveFailures: number;
  lockedUntil: Date | null;
  /** 2FA and backup codes already spent on this instance. */
  readonly spentCodes: Set<string>;
}

/** What `PracticeSite.account(login)` reports: live state, no credentials. */
export interface PracticeAccountState {
  id: number;
  login: string;
  status: 'act' | 'dis';
  retired: boolean;
  consecutiveFailures: number;
  lockedUntil: Date | null;
  /** 2FA and backup codes not yet used; `null` when 2FA is off. */
  unusedTwoFactorCodes: number | null;
}

type TwoFactorCheck = 'not-required' | 'accepted' | 'missing' | 'invalid';

/** The site's people and scripts, with the bookkeeping that makes failures lock an account. */
export class AccountBook {
  private readonly accounts: AccountRecord[];
  private readonly scripts: readonly PracticeScriptSeed[];

  constructor(accounts: readonly PracticeAccountSeed[], scripts: readonly PracticeScriptSeed[], startedAt: Date) {
    this.accounts = accounts.map((seed) => ({
      seed,
      status: seed.status,
      consecutiveFailures: 0,
      lockedUntil: seed.startsLocked ? new Date(startedAt.getTime() + lockoutDurationMs) : null,
      spentCodes: new Set<string>(),
    }));
    this.scripts = scripts;
  }

  /** Every HumanUser row, retired ones included, in id order. */
  allAccounts(): readonly AccountRecord[] {
    return this.accounts;
  }

  allScripts(): readonly PracticeScriptSeed[] {
    return this.scripts;
  }

  /** The live (not retired) account with this login. Logins are matched as ShotGrid does: case-insensitively. */
  liveAccount(login: string): AccountRecord | undefined {
    const wanted = login.toLowerCase();
    return this.accounts.find((record) => !record.seed.retired && record.seed.login.toLowerCase() === wanted);
  }

  accountById(id: number): AccountRecord | undefined {
    return this.accounts.find((record) => record.seed.id === id);
  }

  script(name: string): PracticeScriptSeed | undefined {
    return this.scripts.find((script) => script.name === name);
  }

  scriptById(id: number): PracticeScriptSeed | undefined {
    return this.scripts.find((script) => script.id === id);
  }

  isLocked(record: AccountRecord, now: Date): boolean {
    return record.lockedUntil !== null && record.lockedUntil.getTime() > now.getTime();
  }

  /** Counts a failed login; the tenth in a row locks the account for an hour and starts a fresh count. */
  recordFailure(record: AccountRecord, now: Date): void {
    record.consecutiveFailures += 1;
    if (record.consecutiveFailures >= lockoutThreshold) {
      record.lockedUntil = new Date(now.getTime() + lockoutDurationMs);
      record.consecutiveFailures = 0;
    }
  }

  recordSuccess(record: AccountRecord): void {
    record.consecutiveFailures = 0;
  }

  /** Checks a 2FA or backup code and spends it: a code works once per instance. */
  checkTwoFactor(record: AccountRecord, code: string | undefined): TwoFactorCheck {
    const twoFactor = record.seed.twoFactor;
    if (twoFactor === null) return 'not-required';
    if (code === undefined || code === '') return 'missing';
    const valid = [...twoFactor.codes, ...twoFactor.backupCodes].find((candidate) => sameSecret(candidate, code));
    if (valid === undefined || record.spentCodes.has(valid)) return 'invalid';
    record.spentCodes.add(valid);
    return 'accepted';
  }

  stateOf(record: AccountRecord): PracticeAccountState {
    const twoFactor = record.seed.twoFactor;
    return {
      id: record.seed.id,
      login: record.seed.login,
      status: record.status,
      retired: record.seed.retired,
      consecutiveFailures: record.consecutiveFailures,
      lockedUntil: record.lockedUntil,
      unusedTwoFactorCodes:
        twoFactor === null ? null : twoFactor.codes.length + twoFactor.backupCodes.length - record.spentCodes.size,
    };
  }
}

/** Compares credentials without leaking, through timing, how much of a guess was right. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
