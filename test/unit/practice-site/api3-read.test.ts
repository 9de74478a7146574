import { describe, expect, it } from 'vitest';
import type { PracticeSite } from '../../../src/practice-site/practice-site';
import { api3, passwordAuth, practiceSites, seededAccount, seededScript } from '../../fixtures/practice-site';

const sites = practiceSites();

async function read(site: PracticeSite, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await api3(site, 'read', passwordAuth(seededAccount('works')), params)).body;
}

function where(...conditions: unknown[]): Record<string, unknown> {
  return { logical_operator: 'and', conditions };
}

function logins(body: Record<string, unknown>): string[] {
  const results = body['results'] as { entities: { login: string }[] };
  return results.entities.map((entity) => entity.login);
}

describe('API3 read', () => {
  it('answers python-api find_one as sent, with type, id and the asked-for fields only', async () => {
    const site = await sites.start();
    const account = seededAccount('works');
    const body = await read(site, {
      type: 'HumanUser',
      return_fields: ['id', 'login', 'name', 'email', 'sg_status_list', 'permission_rule_set', 'no_such_field'],
      filters: where({ path: 'login', relation: 'is', values: [account.login] }),
      return_only: 'active',
      paging: { entities_per_page: 1, current_page: 1 },
      api_return_image_urls: true,
      return_paging_info_without_counts: false,
    });
    expect(body).toEqual({
      results: {
        entities: [{
          type: 'HumanUser', id: account.id, login: account.login, name: 'Maya Okafor', email: account.email,
          sg_status_list: 'act', permission_rule_set: { type: 'PermissionRuleSet', id: 8, name: 'Artist' },
        }],
        paging_info: { entity_count: 1, has_next_page: false },
      },
    });
  });

  it('matches text case-insensitively', async () => {
    const site = await sites.start();
    const body = await read(site, { type: 'HumanUser', filters: where({ path: 'login', relation: 'is', values: ['MAYA.OKAFOR@studio.example'] }), return_fields: ['login'] });
    expect(logins(body)).toEqual(['maya.okafor@studio.example']);
  });

  it('honours is_not and in', async () => {
    const site = await sites.start();
    const inactive = await read(site, { type: 'HumanUser', return_fields: ['login'], filters: where({ path: 'sg_status_list', relation: 'is_not', values: ['act'] }) });
    expect(logins(inactive)).toEqual([seededAccount('inactive').login]);
    const two = await read(site, {
      type: 'HumanUser', return_fields: ['login'],
      filters: where({ path: 'login', relation: 'in', values: [seededAccount('locked').login, seededAccount('admin').login] }),
    });
    expect(logins(two)).toEqual([seededAccount('locked').login, seededAccount('admin').login]);
  });

  it('honours logical_operator or, and nested groups', async () => {
    const site = await sites.start();
    const body = await read(site, {
      type: 'HumanUser', return_fields: ['login'],
      filters: {
        logical_operator: 'or',
        conditions: [
          { path: 'id', relation: 'is', values: [101] },
          where({ path: 'email', relation: 'starts_with', values: ['elena'] }, { path: 'sg_status_list', relation: 'is', values: ['act'] }),
        ],
      },
    });
    expect(logins(body)).toEqual(['maya.okafor@studio.example', 'elena.petrova@studio.example']);
  });

  it('matches entity fields by type and id', async () => {
    const site = await sites.start();
    const body = await read(site, {
      type: 'HumanUser', return_fields: ['login'],
      filters: where({ path: 'permission_rule_set', relation: 'is', values: [{ type: 'PermissionRuleSet', id: 5 }] }),
    });
    expect(logins(body)).toEqual([seededAccount('admin').login]);
  });

  it('returns retired people only when asked with return_only retired', async () => {
    const site = await sites.start();
    const retired = seededAccount('retired');
    const filters = where({ path: 'login', relation: 'is', values: [retired.login] });
    expect(logins(await read(site, { type: 'HumanUser', return_fields: ['login'], filters }))).toEqual([]);
    expect(logins(await read(site, { type: 'HumanUser', return_fields: ['login'], filters, return_only: 'retired' }))).toEqual([retired.login]);
  });

  it('pages in id order with has_next_page and entity_count', async () => {
    const site = await sites.start();
    const page = async (current: number): Promise<Record<string, unknown>> =>
      (await read(site, { type: 'HumanUser', return_fields: ['login'], paging: { entities_per_page: 4, current_page: current } }))['results'] as Record<string, unknown>;
    const active = site.accounts.filter((account) => !account.retired);
    const first = await page(1);
    const last = await page(3);
    expect(first['paging_info']).toEqual({ entity_count: active.length, has_next_page: true });
    expect((first['entities'] as { id: number }[]).map((entity) => entity.id)).toEqual(active.slice(0, 4).map((account) => account.id));
    expect(last['paging_info']).toEqual({ entity_count: active.length, has_next_page: false });
    expect((last['entities'] as unknown[]).length).toBe(active.length - 8);
    expect(((await page(4))['entities'] as unknown[]).length).toBe(0);
  });

  it('orders by sorts as python-api sends them, several keys and either direction, ties in id order', async () => {
    const site = await sites.start();
    const active = site.accounts.filter((account) => !account.retired);
    const byLogin = [...active].sort((a, b) => a.login.toLowerCase().localeCompare(b.login.toLowerCase()));
    const descending = await read(site, { type: 'HumanUser', return_fields: ['login'], sorts: [{ field_name: 'login', direction: 'desc' }] });
    expect(logins(descending)).toEqual(byLogin.reverse().map((account) => account.login));
    const grouped = await read(site, {
      type: 'HumanUser', return_fields: ['login'],
      sorts: [{ field_name: 'sg_status_list', direction: 'desc' }, { field_name: 'id', direction: 'desc' }],
    });
    const expected = [...active].sort((a, b) => (a.status === b.status ? b.id - a.id : a.status === 'dis' ? -1 : 1));
    expect(logins(grouped)).toEqual(expected.map((account) => account.login));
  });

  it('sorts before paging, so page two continues the sorted list', async () => {
    const site = await sites.start();
    const sorts = [{ field_name: 'id', direction: 'desc' }];
    const ids = async (page: number): Promise<number[]> => {
      const body = await read(site, { type: 'HumanUser', return_fields: ['id'], sorts, paging: { entities_per_page: 3, current_page: page } });
      return ((body['results'] as { entities: { id: number }[] }).entities).map((entity) => entity.id);
    };
    const descending = site.accounts.filter((account) => !account.retired).map((account) => account.id).reverse();
    expect([...(await ids(1)), ...(await ids(2))]).toEqual(descending.slice(0, 6));
  });

  it('honours between and not_between, both ends included', async () => {
    const site = await sites.start();
    const active = site.accounts.filter((account) => !account.retired);
    const [low, high] = [active[1]!.id, active[3]!.id];
    const inRange = await read(site, { type: 'HumanUser', return_fields: ['login'], filters: where({ path: 'id', relation: 'between', values: [low, high] }) });
    expect(logins(inRange)).toEqual(active.filter((a) => a.id >= low && a.id <= high).map((a) => a.login));
    const outside = await read(site, { type: 'HumanUser', return_fields: ['login'], filters: where({ path: 'id', relation: 'not_between', values: [low, high] }) });
    expect(logins(outside)).toEqual(active.filter((a) => a.id < low || a.id > high).map((a) => a.login));
  });

  it('leaves the count out when asked for paging info without counts', async () => {
    const site = await sites.start();
    const body = await read(site, { type: 'HumanUser', paging: { entities_per_page: 2, current_page: 1 }, return_paging_info_without_counts: true });
    expect((body['results'] as Record<string, unknown>)['paging_info']).toEqual({ has_next_page: true });
  });

  it('reads script users, whose name is their firstname', async () => {
    const site = await sites.start();
    const script = seededScript(true);
    const body = await read(site, { type: 'ApiUser', return_fields: ['firstname'], filters: where({ path: 'firstname', relation: 'is', values: [script.name] }) });
    expect((body['results'] as Record<string, unknown>)['entities']).toEqual([{ type: 'ApiUser', id: 202, firstname: script.name }]);
  });

  it('never exposes credentials as fields', async () => {
    const site = await sites.start();
    const body = await read(site, { type: 'HumanUser', return_fields: ['password', 'user_password', 'passphrase', 'pat', 'login'] });
    const text = JSON.stringify(body);
    for (const account of site.accounts) {
      if (account.passphrase !== null) expect(text).not.toContain(account.passphrase);
    }
  });

  it.each([
    [{ type: 'Shot' }, /entity type "Shot" is not available/],
    [{ type: 'HumanUser', filters: where({ path: 'nickname', relation: 'is', values: ['x'] }) }, /HumanUser\.nickname doesn't exist/],
    [{ type: 'HumanUser', filters: where({ path: 'login', relation: 'sounds_like', values: ['x'] }) }, /unknown relation 'sounds_like'/],
    [{ type: 'HumanUser', filters: { logical_operator: 'xor', conditions: [] } }, /unknown logical_operator/],
    [{ type: 'HumanUser', return_only: 'everything' }, /return_only/],
    [{ type: 'HumanUser', sorts: [{ field_name: 'nickname', direction: 'asc' }] }, /HumanUser\.nickname doesn't exist/],
    [{ type: 'HumanUser', sorts: [{ field_name: 'login', direction: 'up' }] }, /sort direction/],
    [{ type: 'HumanUser', sorts: 'login' }, /sorts must be a list/],
    [{ type: 'HumanUser', paging: { entities_per_page: 0, current_page: 1 } }, /paging/],
  ])('answers bad read parameters %j with a 103 fault', async (params, message) => {
    const site = await sites.start();
    expect(await read(site, params)).toEqual({ exception: true, error_code: 103, message: expect.stringMatching(message) });
  });
});
