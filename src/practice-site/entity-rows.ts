import type { AccountBook } from './account-book';

/** One entity as `read` sees it: its fields, and whether it was deleted (retired). */
export interface EntityRow {
  fields: Readonly<Record<string, unknown>>;
  retired: boolean;
}

export type ReadableType = 'HumanUser' | 'ApiUser';

/** Live-site ids of the stock permission rule sets (Artist 8 and API Admin 6 as recorded; others ours). */
const PERMISSION_RULE_SET_IDS: Readonly<Record<string, number>> = { Admin: 5, 'API Admin': 6, Manager: 7, Artist: 8 };

/** The fields each readable type has. Credentials (passwords, keys, PAT state) are never fields. */
export const ENTITY_FIELDS: Readonly<Record<ReadableType, readonly string[]>> = {
  HumanUser: [
    'type', 'id', 'login', 'name', 'firstname', 'lastname', 'email', 'sg_status_list', 'permission_rule_set',
    'locked_until', 'can_impersonate_this_user',
  ],
  ApiUser: ['type', 'id', 'firstname', 'lastname', 'description', 'permission_rule_set'],
};

export function isReadableType(value: unknown): value is ReadableType {
  return value === 'HumanUser' || value === 'ApiUser';
}

/** The rows of one entity type, in id order, as they are right now (lockouts change `locked_until`). */
export function entityRows(book: AccountBook, type: ReadableType): EntityRow[] {
  if (type === 'HumanUser') {
    return book.allAccounts().map((record) => ({
      retired: record.seed.retired,
      fields: {
        type: 'HumanUser',
        id: record.seed.id,
        login: record.seed.login,
        name: `${record.seed.firstname} ${record.seed.lastname}`,
        firstname: record.seed.firstname,
        lastname: record.seed.lastname,
        email: record.seed.email,
        sg_status_list: record.status,
        permission_rule_set: permissionRuleSet(record.seed.permissionGroup),
        // API3 sends datetimes as UTC ISO-8601 strings without fractions.
        locked_until: record.lockedUntil === null ? null : record.lockedUntil.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        can_impersonate_this_user: record.seed.canBeImpersonated,
      },
    }));
  }
  return book.allScripts().map((script) => ({
    retired: false,
    fields: {
      type: 'ApiUser',
      id: script.id,
      // A script's name is the ApiUser's `firstname`.
      firstname: script.name,
      lastname: '',
      description: script.description,
      permission_rule_set: permissionRuleSet('API Admin'),
    },
  }));
}

function permissionRuleSet(name: string): Record<string, unknown> {
  return { type: 'PermissionRuleSet', id: PERMISSION_RULE_SET_IDS[name] ?? 0, name };
}
