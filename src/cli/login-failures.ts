import type { SiteAddress } from '../site/site-address';
import type { CliContext } from './cli-context';
import type { KeychainAccess } from './keychain-access';

/**
 * Refused logins Gridpass has caused for a login, saved or not, read from the same settings file as
 * the app so the lockout count is shared. Counting must never stop a check: if the settings cannot
 * be opened the count is treated as unknown (0) and a refusal is still reported to the person.
 */
export async function savedLoginFailures(context: CliContext, site: SiteAddress, login: string): Promise<number> {
  try {
    return (await context.accountRecords()).failedLogins(site.origin, login);
  } catch {
    return 0;
  }
}

/** Counts a refused login and pauses the saved login's scheduled checks (the product's lockout rule). */
export async function recordRefusedLogin(context: CliContext, site: SiteAddress, login: string): Promise<void> {
  const access = await openQuietly(context);
  if (access === null) return;
  access.registry.recordAuthFailure(site.origin, login);
}

async function openQuietly(context: CliContext): Promise<KeychainAccess | null> {
  try {
    return await context.keychain();
  } catch {
    return null;
  }
}
