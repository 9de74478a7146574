import type { SiteAddress } from '../site/site-address';
import type { Checked } from './checked';
import { probeSite } from './probe-site';
import type { HumanUserRecord, SessionTokenCredentials } from './shotgrid-client';
import type { Transport } from './transport';
import { readOwnRecord } from './read-own-record';

/**
 * Checks a saved session token: probe (unless the caller just did), then a `read` of the owner's record
 * with `reject_if_expired`, so an expired session is refused (102, reported as session-expired) instead
 * of silently renewed.
 */
export async function verifySessionToken(
  transport: Transport,
  site: SiteAddress,
  credentials: SessionTokenCredentials,
  probeRetryDelayMs: number,
  alreadyProbed = false,
): Promise<Checked<HumanUserRecord>> {
  if (!alreadyProbed) {
    const probed = await probeSite(transport, site, probeRetryDelayMs);
    if (!probed.ok) return probed;
  }
  const auth = { session_token: credentials.sessionToken, reject_if_expired: true };
  return readOwnRecord(transport, site, credentials.login, auth, true);
}
