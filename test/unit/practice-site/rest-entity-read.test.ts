import { describe, expect, it } from 'vitest';
import { manualClock, practiceSites, restError, seededAccount, seededScript, tokenRequest } from '../../fixtures/practice-site';
import type { PracticeSite } from '../../../src/practice-site/practice-site';

const sites = practiceSites();

async function accessToken(site: PracticeSite, form: Record<string, string>): Promise<string> {
  const answer = await tokenRequest(site, form);
  expect(answer.status).toBe(200);
  return answer.body['access_token'] as string;
}

async function personToken(site: PracticeSite): Promise<string> {
  const person = seededAccount('works');
  return accessToken(site, { grant_type: 'password', username: person.login, password: person.passphrase ?? '' });
}

async function get(site: PracticeSite, path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${site.url}${path}`, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('REST entity reads', () => {
  it('reads the person by id after a password login, as the official Node client does', async () => {
    const site = await sites.start();
    const person = seededAccount('works');
    const answer = await get(site, `/api/v1/entity/human_users/${person.id}?fields=login,name,email,sg_status_list,permission_rule_set`, await personToken(site));
    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          type: 'HumanUser', id: person.id,
          attributes: { login: person.login, name: 'Maya Okafor', email: person.email, sg_status_list: 'act' },
          relationships: { permission_rule_set: { data: { type: 'PermissionRuleSet', id: 8, name: 'Artist' } } },
          links: { self: `/api/v1/entity/human_users/${person.id}` },
        },
        links: { self: `/api/v1/entity/human_users/${person.id}` },
      },
    });
  });

  it('finds the person by login with filter[login], case-insensitively, and ends on an empty page', async () => {
    const site = await sites.start();
    const person = seededAccount('works');
    const token = await personToken(site);
    const first = await get(site, `/api/v1/entity/human_users?filter[login]=${encodeURIComponent(person.login.toUpperCase())}&fields=login`, token);
    expect(first.status).toBe(200);
    expect(first.body['data']).toEqual([expect.objectContaining({ type: 'HumanUser', id: person.id, attributes: { login: person.login } })]);
    const next = (first.body['links'] as Record<string, string>)['next'];
    expect(next).toContain('page%5Bnumber%5D=2');
    expect((await get(site, next!, token)).body['data']).toEqual([]);
  });

  it('pages the people list with page[size] and page[number]', async () => {
    const site = await sites.start();
    const token = await accessToken(site, { grant_type: 'client_credentials', client_id: seededScript(false).name, client_secret: seededScript(false).key });
    const ids = async (page: number): Promise<number[]> =>
      ((await get(site, `/api/v1/entity/human_users?page[size]=3&page[number]=${page}&fields=id`, token)).body['data'] as { id: number }[]).map((row) => row.id);
    const live = site.accounts.filter((account) => !account.retired).map((account) => account.id);
    expect([...(await ids(1)), ...(await ids(2))]).toEqual(live.slice(0, 6));
  });

  it('refuses a missing, forged, refresh or expired bearer token with 401 and logs no secret', async () => {
    const clock = manualClock();
    const site = await sites.start({ clock: clock.now });
    const person = seededAccount('works');
    const path = `/api/v1/entity/human_users/${person.id}`;
    const login = await tokenRequest(site, { grant_type: 'password', username: person.login, password: person.passphrase ?? '' });
    const access = login.body['access_token'] as string;
    for (const token of [undefined, 'not.a.token', login.body['refresh_token'] as string]) {
      const answer = await get(site, path, token);
      expect(answer.status).toBe(401);
      expect(restError(answer)).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
    clock.advance(601_000);
    expect((await get(site, path, access)).status).toBe(401);
    expect(JSON.stringify(site.log.entries())).not.toContain(access);
  });

  it('answers an unknown id with 404 and an unknown filter field with 400', async () => {
    const site = await sites.start();
    const token = await personToken(site);
    expect((await get(site, '/api/v1/entity/human_users/999999', token)).status).toBe(404);
    expect((await get(site, '/api/v1/entity/human_users/abc', token)).status).toBe(404);
    expect((await get(site, '/api/v1/entity/human_users?filter[nickname]=x', token)).status).toBe(400);
    expect((await get(site, '/api/v1/entity/human_users?page[size]=0', token)).status).toBe(400);
  });

  it('never shows retired people or credentials', async () => {
    const site = await sites.start();
    const retired = seededAccount('retired');
    const answer = await get(site, '/api/v1/entity/human_users?page[size]=500', await personToken(site));
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(retired.login);
    for (const account of site.accounts) if (account.passphrase !== null) expect(text).not.toContain(account.passphrase);
  });
});
