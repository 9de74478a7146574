import { describe, expect, it } from 'vitest';
import { activeHumanUser, humanUserRequest } from '../../../src/shotgrid/human-user';

describe('humanUserRequest', () => {
  it('reads the fields Gridpass shows, filtered by login', () => {
    const request = humanUserRequest('artist', { session_token: 't', reject_if_expired: true }, { sessionToken: true });
    expect(request).toMatchObject({
      method: 'read',
      auth: { session_token: 't', reject_if_expired: true },
      params: {
        type: 'HumanUser',
        return_fields: ['id', 'login', 'name', 'email', 'sg_status_list', 'permission_rule_set'],
        filters: { conditions: [{ path: 'login', relation: 'is', values: ['artist'] }] },
      },
      faultContext: { sessionToken: true },
    });
  });
});

describe('activeHumanUser', () => {
  it('maps the entity to a record, taking the permission group from the rule set link', () => {
    const entity = { type: 'HumanUser', id: 5, login: 'ada', name: 'Ada', email: 'ada@studio.com', sg_status_list: 'act', permission_rule_set: { type: 'PermissionRuleSet', id: 2, name: 'Manager' } };
    expect(activeHumanUser(entity, 'ada')).toEqual({
      ok: true,
      value: { id: 5, login: 'ada', name: 'Ada', email: 'ada@studio.com', status: 'act', permissionGroup: 'Manager' },
    });
  });

  it('fills what the server left out with null, and the login with the one asked for', () => {
    expect(activeHumanUser({ id: 5, sg_status_list: 'act' }, 'ada')).toEqual({
      ok: true,
      value: { id: 5, login: 'ada', name: null, email: null, status: 'act', permissionGroup: null },
    });
  });

  it('refuses a record that is not active, or has no status', () => {
    expect(activeHumanUser({ id: 5, login: 'ada', sg_status_list: 'dis' }, 'ada')).toMatchObject({ ok: false, failure: { kind: 'account-inactive' } });
    expect(activeHumanUser({ id: 5, login: 'ada' }, 'ada')).toEqual({
      ok: false,
      failure: { kind: 'account-inactive', detail: 'The account "ada" has no status, not "act" (active).' },
    });
  });

  it('refuses a login with no record', () => {
    expect(activeHumanUser(null, 'ada')).toMatchObject({ ok: false, failure: { kind: 'account-inactive' } });
  });
});
