/**
 * After a verified save (the app's Save step, `gridpass login`), the login's session goes into the
 * keychain too, for tools. A 2FA login hands over the session its code was swapped for (the code works
 * once); otherwise the just-verified passphrase is swapped for one with `get_session_token`. A failure here
 * leaves the login saved: the next scheduled check gets a session instead. That swap is a try of the
 * passphrase like any other, so it is recorded under the refusal policy here (a refusal counts and pauses).
 */
import type { AccountRegistry } from '../accounts/account-registry';
import { callOptions, type ShotgridClient, type SiteInfo } from '../shotgrid/shotgrid-client';
import type { SiteAddress } from '../site/site-address';
import { recordAttempt } from './record-attempt';

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

export async function keepSessionAfterSave(deps: KeepSessionDeps, accountId: string, saved: SavedLoginSession): Promise<void> {
  let sessionToken = saved.sessionToken;
  if (sessionToken === null) {
    const options = callOptions(deps.timeoutMs, saved.info);
    const opened = await deps.client.openSession(saved.site, { login: saved.login, passphrase: saved.passphrase }, options);
    if (!opened.ok) {
      recordAttempt(deps.registry, saved.site.origin, saved.login, { kind: 'failed', failure: opened.failure }, null);
      return;
    }
    sessionToken = opened.value.sessionToken;
  }
  await deps.registry.saveSession(accountId, sessionToken, deps.now());
}
