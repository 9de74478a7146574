import type { Api3Auth, Api3Request } from './api3-call';
import { readOneRequest } from './api3-read';
import type { FaultContext } from './api3-fault';
import type { Checked } from './checked';
import type { HumanUserRecord } from './shotgrid-client';

export const HUMAN_USER_FIELDS = ['id', 'login', 'name', 'email', 'sg_status_list', 'permission_rule_set'] as const;

/** The `read` of one person's HumanUser record by login. */
export function humanUserRequest(login: string, auth: Api3Auth, faultContext?: FaultContext): Api3Request {
  return readOneRequest({ entityType: 'HumanUser', field: 'login', value: login, returnFields: HUMAN_USER_FIELDS, auth, faultContext });
}

export function toHumanUserRecord(entity: Record<string, unknown>, login: string): HumanUserRecord {
  const ruleSet = entity.permission_rule_set;
  return {
    id: entity.id as number,
    login: typeof entity.login === 'string' ? entity.login : login,
    name: stringOrNull(entity.name),
    email: stringOrNull(entity.email),
    status: stringOrNull(entity.sg_status_list),
    permissionGroup: typeof ruleSet === 'object' && ruleSet !== null ? stringOrNull((ruleSet as { name?: unknown }).name) : null,
  };
}

/**
 * The record behind a working login, but only if it is active: the Python API's
 * `authenticate_human_user` also insists on `sg_status_list is act`.
 */
export function activeHumanUser(entity: Record<string, unknown> | null, login: string): Checked<HumanUserRecord> {
  if (entity === null) {
    return { ok: false, failure: { kind: 'account-inactive', detail: `The site has no active HumanUser with the login "${login}".` } };
  }
  const record = toHumanUserRecord(entity, login);
  if (record.status !== 'act') {
    const status = record.status === null ? 'no status' : `status "${record.status}"`;
    return { ok: false, failure: { kind: 'account-inactive', detail: `The account "${record.login}" has ${status}, not "act" (active).` } };
  }
  return { ok: true, value: record };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
