/**
 * After a verified save (the app's Save step, `gridpass login`), the login's session goes into the
 * keychain too, for tools. A 2FA login hands over the session its code was swapped for (the code works
 * once); otherwise the just-verified passphrase is swapped for one with `get_session_token`. A failure here
 * leaves the login saved: the next scheduled check gets a session instead.
 */
import type { AccountRegistry } from '../accounts/account-registry';
import type { AttemptOutcome } from '../accounts/refusal-policy';
import type { ShotgridClient, SiteInfo } from '../shotgrid/shotgrid-client';
import type { SiteAddress } from '../site/site-address';

interface SavedLoginSession {
  site: SiteAddress;
  /** The site's `info` from moments ago, so no second probe is sent. */
  info: SiteInfo | null;
  login: string;
  passphrase: string;
  /** The session a 2FA code was swapped for, when there was one. */
  sessionToken: string | null;
}

interface KeepSessionDeps {
  client: ShotgridClient;
  registry: AccountRegistry;
  now: () => Date;
  timeoutMs?: number;
}

/** Resolves the try of the passphrase it made, for the refusal policy (null when it sent none). */
export async function keepSessionAfterSave(deps: KeepSessionDeps, accountId: string, saved: SavedLoginSession): Promise<AttemptOutcome | null> {
  let sessionToken = saved.sessionToken;
  let attempt: AttemptOutcome | null = null;
  if (sessionToken === null) {
    const options = { ...(saved.info === null ? {} : { alreadyProbed: saved.info }), ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) };
    const opened = await deps.client.openSession(saved.site, { login: saved.login, passphrase: saved.passphrase }, options);
    if (!opened.ok) return { kind: 'failed', failure: opened.failure };
    sessionToken = opened.value.sessionToken;
    attempt = { kind: 'verified' };
  }
  await deps.registry.saveSession(accountId, sessionToken, deps.now());
  return attempt;
}
