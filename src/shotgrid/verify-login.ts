import type { SiteAddress } from '../site/site-address';
import type { Checked } from './checked';
import { probeSite } from './probe-site';
import { openSession } from './open-session';
import { readOwnRecord } from './read-own-record';
import type { HumanUserRecord, UserLoginCredentials } from './shotgrid-client';
import type { Transport } from './transport';

/**
 * Checks a login and legacy passphrase the way a pipeline tool would use them: probe the site (so no
 * password goes to something that is not ShotGrid), then one authenticated `read` of the person's own
 * HumanUser record. With a 2FA code the code is first swapped for a session token, since codes work once.
 * Nothing here is retried: ten failures lock the account.
 */
export async function verifyLogin(
  transport: Transport,
  site: SiteAddress,
  credentials: UserLoginCredentials,
  probeRetryDelayMs: number,
  alreadyProbed = false,
): Promise<Checked<HumanUserRecord>> {
  if (!alreadyProbed) {
    const probed = await probeSite(transport, site, probeRetryDelayMs);
    if (!probed.ok) return probed;
  }

  const code = credentials.twoFactorCode?.trim();
  if (!code) {
    const passwordAuth = { user_login: credentials.login, user_password: credentials.passphrase };
    return readOwnRecord(transport, site, credentials.login, passwordAuth, false);
  }
  const session = await openSession(transport, site, { ...credentials, twoFactorCode: code }, probeRetryDelayMs, true);
  return session.ok ? { ok: true, value: session.value.user } : session;
}
