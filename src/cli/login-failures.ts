import { decideAfter, type AttemptOutcome } from '../accounts/refusal-policy';
import { findingFor } from '../diagnosis/finding-catalogue';
import type { Finding } from '../diagnosis/finding';
import type { SiteAddress } from '../site/site-address';
import type { CliContext } from './cli-context';
import { cliFindingContext } from './finding-context';
import type { KeychainAccess } from './keychain-access';

/**
 * Refused logins Gridpass has caused for a login, saved or not, read from the same settings file as
 * the app so the lockout count is shared. Counting must never stop a check: if the settings cannot
 * be opened the count is treated as unknown (0) and a refusal is still reported to the person.
 */
export async function savedLoginFailures(context: CliContext, site: SiteAddress, login: string): Promise<number> {
  const access = await openQuietly(context);
  return access?.registry.failedLogins(site.origin, login) ?? 0;
}

/**
 * Counts, pauses or clears as the refusal policy decides for one try of the login, as the app does.
 * Resolves the finding to show when a refusal or pause could not be saved, so the run ends with exit 1.
 */
export async function recordLoginAttempt(context: CliContext, site: SiteAddress, login: string, attempt: AttemptOutcome): Promise<Finding | null> {
  const decision = decideAfter(attempt);
  const access = await openQuietly(context);
  const recorded = access?.registry.recordAttempt(site.origin, login, { decision, check: null });
  if (!decision.counts && !decision.pauses) return null;
  if (recorded?.ok === true) return null;
  const why = recorded === undefined ? 'Gridpass could not open its settings.' : 'failure' in recorded.failure ? recorded.failure.failure.message : recorded.failure.message;
  return pauseNotSavedFinding(context, site, login, why);
}

/** A refusal (or another answer that pauses the login) that the settings file does not hold. */
export function pauseNotSavedFinding(context: CliContext, site: SiteAddress | null, login: string, why: string): Finding {
  return findingFor('GP-SETTINGS-UNWRITABLE', cliFindingContext(context, site, null, { login }), {
    detail: `${why} So this refusal is not counted there, and the app's checks may not know this login is paused: ` +
      'fix the settings folder before anything tries this login again.',
  });
}

async function openQuietly(context: CliContext): Promise<KeychainAccess | null> {
  try {
    return await context.keychain();
  } catch {
    return null;
  }
}
