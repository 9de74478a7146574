/** ShotGrid locks an account for an hour after this many failed logins. */
export const lockoutAfter = 10;

/**
 * How close Gridpass has brought this login to a lockout, so the person can stop in time. Main's
 * warning already explains the lock and what to do, so it replaces the general sentence rather
 * than repeating it.
 */
export function LockoutNotice({ failedLogins, warning }: { failedLogins: number; warning: string | null }) {
  if (failedLogins === 0 && !warning) return null;
  return (
    <div className="lockout" role="note">
      <p>
        <strong>
          Failed sign-ins from Gridpass for this login: {failedLogins} of {lockoutAfter}.
        </strong>{' '}
        {warning ?? `ShotGrid locks an account for an hour after ${lockoutAfter} failed sign-ins. Gridpass never retries by itself.`}
      </p>
    </div>
  );
}
