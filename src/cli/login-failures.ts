import type { AccountRegistry } from '../accounts/account-registry';
import type { AttemptOutcome } from '../accounts/refusal-policy';
import { findingFor } from '../diagnosis/finding-catalogue';
import type { Finding } from '../diagnosis/finding';
import type { SiteAddress } from '../site/site-address';
import { recordAttempt, type UnopenedRegistry } from '../use-cases/record-attempt';
import type { CliContext } from './cli-context';
import { cliFindingContext } from './finding-context';
import { siteHostKey } from './site-host';

/**
 * The saved logins and refusal counts, from the same settings file as the app so the lockout count is
 * shared. Counting must never stop a check: if the settings cannot be opened this is null, the count is
 * treated as unknown (0) and a refusal is still reported to the person.
 */
async function savedLoginsQuietly(context: CliContext): Promise<AccountRegistry | null> {
  try {
    return (await context.keychain()).registry;
  } catch {
    return null;
  }
}

/**
 * The saved logins for tries of a typed login on `site`: opened now when the settings file holds a
 * refusal count or a pause for the site, otherwise only once a try has something to record
 * (record-attempt.ts).
 */
export async function savedLoginsFor(context: CliContext, site: SiteAddress): Promise<AccountRegistry | UnopenedRegistry | null> {
  const host = siteHostKey(site);
  if (context.settingsHoldCountFor(host)) return savedLoginsQuietly(context);
  let opened: Promise<AccountRegistry | null> | null = null;
  return {
    unopened: true,
    holdsCount: () => opened !== null || context.settingsHoldCountFor(host),
    open: () => (opened ??= savedLoginsQuietly(context)),
  };
}

/** Refused logins Gridpass has caused for a login, saved or not. */
export async function savedLoginFailures(context: CliContext, site: SiteAddress, login: string): Promise<number> {
  return (await savedLoginsQuietly(context))?.failedLogins(site.origin, login) ?? 0;
}

/**
 * Records one try of the login (a diagnosis's) under the refusal policy, as the app does. Resolves the
 * finding to show when a refusal or pause could not be saved, so the run ends with exit 1.
 */
export async function recordLoginAttempt(context: CliContext, site: SiteAddress, login: string, attempt: AttemptOutcome): Promise<Finding | null> {
  const recorded = recordAttempt(await savedLoginsQuietly(context), site.origin, login, attempt, null);
  if (recorded.saved || !recorded.pauseHeldInMemory) return null;
  return pauseNotSavedFinding(context, site, login, recorded.why);
}

/** A refusal (or another answer that pauses the login) that the settings file does not hold. */
export function pauseNotSavedFinding(context: CliContext, site: SiteAddress | null, login: string, why: string): Finding {
  return findingFor('GP-SETTINGS-UNWRITABLE', cliFindingContext(context, site, null, { login }), {
    detail: `${why} So this refusal is not counted there, and the app's checks may not know this login is paused: ` +
      'fix the settings folder before anything tries this login again.',
  });
}
