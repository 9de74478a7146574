import type { SiteAddress } from '../site/site-address';
import { isRecord } from '../text/json-record';
import { callApi3, type Api3Auth } from './api3-call';
import type { Checked } from './checked';
import { probeSite } from './probe-site';
import { screenFailure } from './server-text';
import type { OpenedSession, UserLoginCredentials } from './shotgrid-client';
import type { Transport } from './transport';
import { readOwnRecord } from './read-own-record';

/**
 * Swaps a login and passphrase (and a 2FA code, which works once) for a session token with
 * `get_session_token`, as python-api does, then reads the person's own record with that session so the
 * token is known to work. The passphrase goes out in exactly one request; nothing is retried.
 */
export async function openSession(
  transport: Transport,
  site: SiteAddress,
  credentials: UserLoginCredentials,
  probeRetryDelayMs: number,
  alreadyProbed = false,
): Promise<Checked<OpenedSession>> {
  if (!alreadyProbed) {
    const probed = await probeSite(transport, site, probeRetryDelayMs);
    if (!probed.ok) return probed;
  }
  const code = credentials.twoFactorCode?.trim();
  const auth: Api3Auth = { user_login: credentials.login, user_password: credentials.passphrase, ...(code ? { auth_token: code } : {}) };
  const session = await sessionTokenFor(transport, site, auth, Boolean(code));
  if (!session.ok) return session;
  const read = await readOwnRecord(transport, site, credentials.login, { session_token: session.value, reject_if_expired: true }, true);
  // The session token is a credential too; the client's own list of secrets could not know it.
  if (!read.ok) return { ok: false, failure: screenFailure(read.failure, [session.value]) };
  return { ok: true, value: { user: read.value, sessionToken: session.value } };
}

async function sessionTokenFor(transport: Transport, site: SiteAddress, auth: Api3Auth, twoFactorCodeSent: boolean): Promise<Checked<string>> {
  const called = await callApi3(transport, site, { method: 'get_session_token', auth, params: null, faultContext: { twoFactorCodeSent } });
  if (!called.ok) return called;
  const sessionId = isRecord(called.results) ? called.results.session_id : undefined;
  if (typeof sessionId !== 'string' || sessionId === '') {
    const accepted = twoFactorCodeSent ? 'the code' : 'the login';
    return { ok: false, failure: { kind: 'malformed', detail: `The site accepted ${accepted} but sent no session id.` } };
  }
  return { ok: true, value: sessionId };
}
