import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { createShotgridClient } from '../../../src/shotgrid/create-shotgrid-client';
import type { ScriptKeyCredentials } from '../../../src/shotgrid/shotgrid-client';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Fault, api3Handler, IDENTITY_SITE_INFO, sendJson, startLoopbackServer } from '../../fixtures/loopback-server';
import type { LoopbackServer, RecordedRequest } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const KEY = 'q7w8e9r0t1y2u3i4o5p6';
const tool: ScriptKeyCredentials = { scriptName: 'publish-tool', scriptKey: KEY };

const info = (_request: RecordedRequest, response: ServerResponse) => sendJson(response, IDENTITY_SITE_INFO);
const readReturns = (entities: unknown[]) => (_request: RecordedRequest, response: ServerResponse) => sendJson(response, { results: { entities } });
const fault = (code: number, message: string) => (_request: RecordedRequest, response: ServerResponse) => sendJson(response, api3Fault(code, message));

async function verify(read: (request: RecordedRequest, response: ServerResponse) => void, credentials: ScriptKeyCredentials = tool) {
  const server = await startLoopbackServer(api3Handler({ info, read }));
  servers.push(server);
  const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test' });
  const outcome = await client.verifyScriptKey(siteFromOrigin(server.origin), credentials);
  return { outcome, sent: server.requests.map((request) => request.json) };
}

const readParams = (type: string, field: string, value: string, fields: string[]) => ({
  type,
  return_fields: fields,
  filters: { logical_operator: 'and', conditions: [{ path: field, relation: 'is', values: [value] }] },
  return_only: 'active',
  paging: { entities_per_page: 1, current_page: 1 },
  api_return_image_urls: true,
  return_paging_info_without_counts: false,
});

describe('verifyScriptKey without sudo', () => {
  it('reads its own ApiUser record with the key: two round trips', async () => {
    const { outcome, sent } = await verify(readReturns([{ type: 'ApiUser', id: 7, firstname: 'publish-tool' }]));
    expect(sent).toEqual([
      { method_name: 'info', params: [] },
      { method_name: 'read', params: [{ script_name: 'publish-tool', script_key: KEY }, readParams('ApiUser', 'firstname', 'publish-tool', ['id', 'firstname'])] },
    ]);
    expect(outcome).toEqual({ ok: true, roundTrips: 2, value: { scriptName: 'publish-tool', apiUserId: 7, sudoAs: null } });
  });

  it('accepts the key when the script may not see its own record', async () => {
    const { outcome } = await verify(readReturns([]));
    expect(outcome).toEqual({ ok: true, roundTrips: 2, value: { scriptName: 'publish-tool', apiUserId: null, sudoAs: null } });
  });

  it('reports a wrong key, once, without the key in it', async () => {
    const { outcome, sent } = await verify(fault(102, `Can't authenticate script 'publish-tool' with key ${KEY}`));
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate script 'publish-tool' with key [redacted]" } });
    expect(sent).toHaveLength(2);
  });
});

describe('verifyScriptKey with sudo_as_login', () => {
  const asArtist = { ...tool, sudoAsLogin: 'artist' };

  it('reads the target HumanUser while acting as them', async () => {
    const entity = { type: 'HumanUser', id: 42, login: 'artist', name: 'Ada', email: null, sg_status_list: 'act', permission_rule_set: null };
    const { outcome, sent } = await verify(readReturns([entity]), asArtist);
    expect(sent[1]).toEqual({
      method_name: 'read',
      params: [
        { script_name: 'publish-tool', script_key: KEY, sudo_as_login: 'artist' },
        readParams('HumanUser', 'login', 'artist', ['id', 'login', 'name', 'email', 'sg_status_list', 'permission_rule_set']),
      ],
    });
    expect(outcome).toEqual({
      ok: true,
      roundTrips: 2,
      value: { scriptName: 'publish-tool', apiUserId: null, sudoAs: { id: 42, login: 'artist', name: 'Ada', email: null, status: 'act', permissionGroup: null } },
    });
  });

  it.each([
    "Cannot 'sudo' - inactive user account: 'artist'",
    "Cannot 'sudo' - unknown or retired user: 'artist'",
    "Cannot 'sudo' as 'artist' with 'can_impersonate_this_user' turned off",
  ])('reports "%s" as a refused sudo', async (message) => {
    const { outcome } = await verify(fault(102, message), asArtist);
    expect(outcome).toEqual({ ok: false, roundTrips: 2, failure: { kind: 'sudo-refused', targetLogin: 'artist', serverMessage: message } });
  });

  it('reports a wrong key as a wrong key, not a refused sudo', async () => {
    const { outcome } = await verify(fault(102, "Can't authenticate script 'publish-tool'"), asArtist);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'auth-rejected' } });
  });

  it('calls a target that is not active inactive', async () => {
    const { outcome } = await verify(readReturns([{ type: 'HumanUser', id: 42, login: 'artist', sg_status_list: 'dis' }]), asArtist);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'account-inactive' } });
  });
});
