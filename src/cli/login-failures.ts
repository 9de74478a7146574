import { decideAfter, type AttemptOutcome } from '../accounts/refusal-policy';
import type { SiteAddress } from '../site/site-address';
import type { CliContext } from './cli-context';
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

/** Counts, pauses or clears as the refusal policy decides for one try of the login, as the app does. */
export async function recordLoginAttempt(context: CliContext, site: SiteAddress, login: string, attempt: AttemptOutcome): Promise<void> {
  const access = await openQuietly(context);
  if (access === null) return;
  access.registry.recordAttempt(site.origin, login, { decision: decideAfter(attempt), check: null });
}

async function openQuietly(context: CliContext): Promise<KeychainAccess | null> {
  try {
    return await context.keychain();
  } catch {
    return null;
  }
}
