import type { SiteAddress } from '../site/site-address';
import type { Checked } from './checked';
import { isHttpFailure } from './failure';
import { probeSite } from './probe-site';
import type { HumanUserRecord, SessionTokenCredentials } from './shotgrid-client';
import type { Transport } from './transport';
import { readOwnRecord } from './read-own-record';

/**
 * Checks a saved session token with one request: a `read` of the owner's record with
 * `reject_if_expired`, so an expired session is refused (102, reported as session-expired) instead of
 * silently renewed. No probe goes first: the token goes back to the site that issued it, and a working
 * session is itself the proof that the site is ShotGrid (a probe first would double the requests of
 * every `gridpass session` and every scheduled check, and on a real site add a connection's round trips).
 * Only when the answer is not a ShotGrid reply at all does the site's `info` say why (not a ShotGrid
 * site, down for maintenance): its failure is then the one reported.
 */
export async function verifySessionToken(
  transport: Transport,
  site: SiteAddress,
  credentials: SessionTokenCredentials,
  probeRetryDelayMs: number,
): Promise<Checked<HumanUserRecord>> {
  const auth = { session_token: credentials.sessionToken, reject_if_expired: true };
  const read = await readOwnRecord(transport, site, credentials.login, auth, true);
  if (read.ok || !isHttpFailure(read.failure)) return read;
  const probed = await probeSite(transport, site, probeRetryDelayMs);
  return probed.ok ? read : probed;
}
