import type { SiteAddress } from '../site/site-address';
import { callApi3, isRecord } from './api3-call';
import type { Api3Auth } from './api3-call';
import { firstEntity } from './api3-read';
import type { Checked } from './checked';
import { activeHumanUser, humanUserRequest } from './human-user';
import { probeSite } from './probe-site';
import { screenFailure } from './server-text';
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

  const passwordAuth = { user_login: credentials.login, user_password: credentials.passphrase };
  const code = credentials.twoFactorCode?.trim();
  if (!code) {
    return readOwnRecord(transport, site, credentials.login, passwordAuth, false);
  }
  const session = await sessionTokenFor(transport, site, { ...passwordAuth, auth_token: code });
  if (!session.ok) return session;
  const read = await readOwnRecord(transport, site, credentials.login, { session_token: session.value, reject_if_expired: true }, true);
  // The session token is a credential too; the client's own list of secrets could not know it.
  return read.ok ? read : { ok: false, failure: screenFailure(read.failure, [session.value]) };
}

async function sessionTokenFor(transport: Transport, site: SiteAddress, auth: Api3Auth): Promise<Checked<string>> {
  const called = await callApi3(transport, site, { method: 'get_session_token', auth, params: null, faultContext: { twoFactorCodeSent: true } });
  if (!called.ok) return called;
  const sessionId = isRecord(called.results) ? called.results.session_id : undefined;
  if (typeof sessionId !== 'string' || sessionId === '') {
    return { ok: false, failure: { kind: 'malformed', detail: 'The site accepted the code but sent no session id.' } };
  }
  return { ok: true, value: sessionId };
}

/** Reads the HumanUser record for `login` with the given credentials and insists that it is active. */
export async function readOwnRecord(
  transport: Transport,
  site: SiteAddress,
  login: string,
  auth: Api3Auth,
  bySessionToken: boolean,
): Promise<Checked<HumanUserRecord>> {
  const called = await callApi3(transport, site, humanUserRequest(login, auth, { sessionToken: bySessionToken }));
  if (!called.ok) return called;
  const found = firstEntity(called.results);
  if (!found.ok) return found;
  return activeHumanUser(found.entity, login);
}
