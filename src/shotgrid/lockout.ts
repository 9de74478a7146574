/**
 * ShotGrid's lockout, as Autodesk documents it (support article "Locked user accounts from failed
 * logins"; forum 9500): ten refused logins lock an account for an hour. Gridpass's pause rules and
 * the practice site's simulation both read it from here, so there is one number.
 */
export const lockoutThreshold = 10;
export const lockoutDurationMs = 60 * 60 * 1000;

/**
 * Whether a site's text says the account is locked. The wording of a live site's lock is not
 * recorded, so this is deliberately broad: a refusal that talks about a lock is treated as one.
 */
export function namesALock(text: string): boolean {
  return /\block(ed)?\b|locked_until|lockout|too many (failed )?(login )?attempts/i.test(text);
}
