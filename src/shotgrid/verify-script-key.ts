import type { SiteAddress } from '../site/site-address';
import { callApi3 } from './api3-call';
import { firstEntity, readOneRequest } from './api3-read';
import type { Checked } from './checked';
import { activeHumanUser, humanUserRequest } from './human-user';
import { probeSite } from './probe-site';
import type { ScriptKeyCredentials, VerifiedScriptKey } from './shotgrid-client';
import type { Transport } from './transport';

/**
 * Checks a script key with one authenticated `read` after the probe. With `sudoAsLogin` that read is of
 * the target's HumanUser record while acting as them, which proves both the key and the right to
 * impersonate; without it, the script reads its own ApiUser record (`firstname` holds the script name).
 */
export async function verifyScriptKey(
  transport: Transport,
  site: SiteAddress,
  credentials: ScriptKeyCredentials,
  probeRetryDelayMs: number,
): Promise<Checked<VerifiedScriptKey>> {
  const probed = await probeSite(transport, site, probeRetryDelayMs);
  if (!probed.ok) return probed;

  const keyAuth = { script_name: credentials.scriptName, script_key: credentials.scriptKey };
  const target = credentials.sudoAsLogin?.trim();
  if (target) {
    return verifySudo(transport, site, credentials.scriptName, { ...keyAuth, sudo_as_login: target }, target);
  }
  const request = readOneRequest({ entityType: 'ApiUser', field: 'firstname', value: credentials.scriptName, returnFields: ['id', 'firstname'], auth: keyAuth });
  const called = await callApi3(transport, site, request);
  if (!called.ok) return called;
  const found = firstEntity(called.results);
  if (!found.ok) return found;
  // The key is proven by the read succeeding; the script may not be allowed to see its own record.
  const apiUserId = found.entity === null ? null : (found.entity.id as number);
  return { ok: true, value: { scriptName: credentials.scriptName, apiUserId, sudoAs: null } };
}

async function verifySudo(
  transport: Transport,
  site: SiteAddress,
  scriptName: string,
  auth: Record<string, string>,
  target: string,
): Promise<Checked<VerifiedScriptKey>> {
  const called = await callApi3(transport, site, humanUserRequest(target, auth, { sudoAsLogin: target }));
  if (!called.ok) return called;
  const found = firstEntity(called.results);
  if (!found.ok) return found;
  const record = activeHumanUser(found.entity, target);
  if (!record.ok) return record;
  return { ok: true, value: { scriptName, apiUserId: null, sudoAs: record.value } };
}
