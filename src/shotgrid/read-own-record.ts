import type { SiteAddress } from '../site/site-address';
import { callApi3, type Api3Auth } from './api3-call';
import { firstEntity } from './api3-read';
import type { Checked } from './checked';
import { activeHumanUser, humanUserRequest } from './human-user';
import type { HumanUserRecord } from './shotgrid-client';
import type { Transport } from './transport';

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
