import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/net/node-fetch';
import { api3Envelope, callApi3 } from '../../../src/shotgrid/api3-call';
import { createTransport } from '../../../src/shotgrid/transport';
import { siteFromOrigin } from '../../../src/site/site-address';
import { api3Fault, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { Handler, LoopbackServer } from '../../fixtures/loopback-server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function call(handler: Handler, request = { method: 'read', auth: { user_login: 'artist', user_password: 'pw' }, params: { type: 'HumanUser' } }) {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  const transport = createTransport({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass/test', timeoutMs: 5000, maxResponseBytes: 4096 });
  const result = await callApi3(transport, siteFromOrigin(server.origin), request);
  return { result, server, transport };
}

describe('api3Envelope', () => {
  it('puts the auth block first and the method params second', () => {
    expect(JSON.parse(api3Envelope({ method: 'read', auth: { script_name: 's', script_key: 'k' }, params: { type: 'ApiUser' } }))).toEqual({
      method_name: 'read',
      params: [{ script_name: 's', script_key: 'k' }, { type: 'ApiUser' }],
    });
  });

  it('leaves out what a call does not need', () => {
    expect(api3Envelope({ method: 'info', auth: null, params: null })).toBe('{"method_name":"info","params":[]}');
    expect(JSON.parse(api3Envelope({ method: 'get_session_token', auth: { session_token: 't' }, params: null }))).toEqual({
      method_name: 'get_session_token',
      params: [{ session_token: 't' }],
    });
  });
});

describe('callApi3', () => {
  it('posts the envelope to /api3/json exactly once', async () => {
    const { server, transport } = await call((_request, response) => sendJson(response, { results: {} }));
    expect(server.requests.map((request) => [request.path, request.json])).toEqual([
      ['/api3/json', { method_name: 'read', params: [{ user_login: 'artist', user_password: 'pw' }, { type: 'HumanUser' }] }],
    ]);
    expect(transport.roundTrips).toBe(1);
  });

  it('unwraps results', async () => {
    const { result } = await call((_request, response) => sendJson(response, { results: { entities: [] } }));
    expect(result).toMatchObject({ ok: true, results: { entities: [] } });
  });

  it('takes bare results too', async () => {
    const { result } = await call((_request, response) => sendJson(response, { version: [8, 0, 0] }));
    expect(result).toMatchObject({ ok: true, results: { version: [8, 0, 0] } });
  });

  it.each([
    [102, "Can't authenticate user 'artist'.", { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'artist'." }],
    [106, 'Missing argument for 2FA login', { kind: 'two-factor-required', serverMessage: 'Missing argument for 2FA login' }],
    [108, 'Not allowed for an SSO-enabled site', { kind: 'sso-only', serverMessage: 'Not allowed for an SSO-enabled site' }],
    [110, 'Not allowed for an Autodesk Identity enabled site', { kind: 'auth-rejected', code: 110, serverMessage: 'Not allowed for an Autodesk Identity enabled site' }],
    [104, 'Entity not found', { kind: 'fault', code: 104, serverMessage: 'Entity not found' }],
  ])('decodes an HTTP 200 fault %i', async (code, message, failure) => {
    const { result, server } = await call((_request, response) => sendJson(response, api3Fault(code, message)));
    expect(result).toEqual({ ok: false, failure });
    expect(server.requests).toHaveLength(1);
  });

  it('reads a fault without code or message as an unknown fault', async () => {
    const { result } = await call((_request, response) => sendJson(response, { exception: true }));
    expect(result).toEqual({ ok: false, failure: { kind: 'fault', code: 0, serverMessage: '' } });
  });

  it('reports a redirect with its Location and does not follow it', async () => {
    const { result, server } = await call((_request, response) => sendText(response, 302, 'text/html', '<a>moved</a>', { location: 'https://mystudio.shotgrid.autodesk.com/saml/saml_login_request' }));
    expect(result).toEqual({ ok: false, failure: { kind: 'redirect', status: 302, location: 'https://mystudio.shotgrid.autodesk.com/saml/saml_login_request' } });
    expect(server.requests).toHaveLength(1);
  });

  it('reports 503 as maintenance', async () => {
    const { result } = await call((_request, response) => sendText(response, 503, 'text/html', '<title>Maintenance</title>'));
    expect(result).toEqual({ ok: false, failure: { kind: 'maintenance', status: 503 } });
  });

  it('reports a 403 page with a short excerpt of its text', async () => {
    const { result } = await call((_request, response) =>
      sendText(response, 403, 'text/html', `<html><body><h1>Forbidden</h1>\n\n<p>API access is blocked by your administrator.</p>${' pad'.repeat(300)}</body></html>`),
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'http-error', status: 403, bodyExcerpt: expect.stringMatching(/^Forbidden API access is blocked by your administrator\. pad/) } });
    if (!result.ok && result.failure.kind === 'http-error') expect(result.failure.bodyExcerpt.length).toBeLessThanOrEqual(200);
  });

  it('reports a 200 captive portal page by its title', async () => {
    const { result } = await call((_request, response) => sendText(response, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>Studio Guest Wi-Fi: please sign in</title></head></html>'));
    expect(result).toEqual({ ok: false, failure: { kind: 'html', status: 200, pageTitle: 'Studio Guest Wi-Fi: please sign in' } });
  });

  it('refuses a text/plain reply', async () => {
    const { result } = await call((_request, response) => sendText(response, 200, 'text/plain', 'OK'));
    expect(result).toEqual({ ok: false, failure: { kind: 'not-json', status: 200, contentType: 'text/plain' } });
  });

  it('refuses an oversized reply', async () => {
    const { result } = await call((_request, response) => sendJson(response, { results: { blob: 'z'.repeat(10_000) } }));
    expect(result).toEqual({ ok: false, failure: { kind: 'too-large', limitBytes: 4096 } });
  });

  it('reports JSON that ends early as malformed', async () => {
    const { result } = await call((_request, response) => sendText(response, 200, 'application/json', '{"results":{"entities":[{"id":1'));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'malformed', detail: expect.stringContaining('stops before its end') } });
  });
});
