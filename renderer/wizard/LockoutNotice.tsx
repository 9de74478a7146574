import type { VerifyResponse } from '../../src/ipc/contract';

/** What the notice shows; the threshold comes from main's refusal policy, never restated here. */
export interface Lockout {
  failedLogins: number;
  lockoutThreshold: number;
  warning: string | null;
}

export function lockoutOf(response: Extract<VerifyResponse, { ok: false }>): Lockout {
  return { failedLogins: response.failedLogins, lockoutThreshold: response.lockoutThreshold, warning: response.lockoutWarning };
}

/** Whether there is anything to say: a first refusal on a fresh login has a count of one, so this is rare. */
export function hasLockout({ failedLogins, warning }: Lockout): boolean {
  return failedLogins > 0 || warning !== null;
}

/**
 * How close Gridpass has brought this login to a lockout, so the person can stop in time. Main's
 * warning already explains the lock and what to do, so it replaces the general sentence rather
 * than repeating it.
 */
export function LockoutNotice({ failedLogins, lockoutThreshold, warning }: Lockout) {
  if (!hasLockout({ failedLogins, lockoutThreshold, warning })) return null;
  return (
    <div className="lockout" role="note">
      <p>
        <strong>
          Failed sign-ins from Gridpass for this login: {failedLogins} of {lockoutThreshold}.
        </strong>{' '}
        {warning ?? `ShotGrid locks an account for an hour after ${lockoutThreshold} failed sign-ins. Gridpass never retries by itself.`}
      </p>
    </div>
  );
}
