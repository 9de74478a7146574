import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { findingForSignInFailure, findingForSignedIn } from '../../../src/diagnosis/finding-for-sign-in';
import { LAUNCHER_MAX_ATTEMPTS, LAUNCHER_RETRY_BACKOFF_MS } from '../../../src/shotgrid/browser-sign-in';
import { LAUNCHER_MAX_RESPONSE_BYTES } from '../../../src/shotgrid/browser-sign-in-client';
import type { IdentifyFailure } from '../../../src/shotgrid/browser-sign-in-client';
import { siteFromOrigin } from '../../../src/site/site-address';
import { finish, startSignIn } from '../../fixtures/browser-sign-in';
import { closedPort, sendJson, sendText, startLoopbackServer } from '../../fixtures/loopback-server';
import type { LoopbackServer, RecordedRequest } from '../../fixtures/loopback-server';
import { plantedSecret } from '../../fixtures/plant-secret';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const PLANTED_TOKEN = plantedSecret('asl-session');
const REQUEST_PATH = '/internal_api/app_session_request';

type Answer = (request: RecordedRequest, response: ServerResponse, origin: string) => void;

/** A launcher that answers the opening POST with `open` and the n-th poll with `polls[n]` (the last repeats). */
async function launcher(open: Answer, polls: Answer[] = [], read?: Answer): Promise<LoopbackServer> {
  let pollCount = 0;
  let origin = '';
  const server = await startLoopbackServer((request, response) => {
    if (request.method === 'POST' && request.path === REQUEST_PATH) return open(request, response, origin);
    if (request.method === 'PUT' && request.path.startsWith(`${REQUEST_PATH}/`)) {
      const answer = polls[Math.min(pollCount, polls.length - 1)];
      pollCount += 1;
      return answer?.(request, response, origin);
    }
    if (request.path === '/api3/json' && read !== undefined) return read(request, response, origin);
    return sendText(response, 404, 'text/plain', 'not found');
  });
  origin = server.origin;
  servers.push(server);
  return server;
}

const opened: Answer = (_request, response, origin) =>
  sendJson(response, { sessionRequestId: 'r42', url: `${origin}/app_session_request/r42?sticky_id=r42` });
const pending: Answer = (_request, response) => sendJson(response, { approved: false });
const approved: Answer = (_request, response) => sendJson(response, { approved: true, sessionToken: PLANTED_TOKEN, userLogin: 'jdoe' });
const status = (code: number, body: unknown = { message: 'x' }): Answer => (_request, response) => sendJson(response, body, code);
const personRead: Answer = (_request, response) =>
  sendJson(response, { results: { entities: [{ type: 'HumanUser', id: 7, login: 'jdoe', name: 'Jane Doe', sg_status_list: 'act' }] } });

async function signInAt(server: LoopbackServer) {
  const attempt = startSignIn(server.origin);
  return { attempt, result: await finish(attempt) };
}

function finding(failure: IdentifyFailure) {
  return findingForSignInFailure(failure, { loginMethod: 'oxygen', site: siteFromOrigin('https://mystudio.shotgrid.autodesk.com') });
}

describe('browser sign-in: every launcher reply', () => {
  it('sends the form-encoded request and body-less PUT polls tk-core sends', async () => {
    const server = await launcher(opened, [pending, approved], personRead);
    const { result } = await signInAt(server);
    expect(result).toMatchObject({ ok: true, person: { login: 'jdoe', name: 'Jane Doe', lockedUntilReadable: false } });
    const [open, poll1, poll2, read] = server.requests;
    expect(open?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(open?.body)).toEqual(new URLSearchParams({ appName: 'Gridpass', machineId: 'render-ws-07' }));
    expect([poll1?.method, poll1?.path, poll1?.body, poll1?.headers['content-type']]).toEqual(['PUT', `${REQUEST_PATH}/r42`, '', undefined]);
    expect(poll2?.method).toBe('PUT');
    expect(read?.json).toMatchObject({ method_name: 'read', params: [{ session_token: PLANTED_TOKEN, reject_if_expired: true }, { type: 'HumanUser' }] });
    expect(JSON.stringify(result)).not.toContain(PLANTED_TOKEN);
  });

  it.each([
    ['the request', status(302, {}), []],
    ['a poll', opened, [status(301, {})]],
  ])('reads a redirect on %s as redirected', async (_where, open, polls) => {
    const server = await launcher(open as Answer, polls as Answer[]);
    const { result } = await signInAt(server);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'launcher-redirect' } });
    expect(finding((result as { failure: IdentifyFailure }).failure).code).toBe('GP-SIGNIN-REDIRECTED');
  });

  it('tries a 5xx again, pausing 0.75 s times the attempt, and goes on when the site recovers', async () => {
    const server = await launcher(opened, [status(502), status(503), status(500), pending, approved], personRead);
    const { attempt, result } = await signInAt(server);
    expect(result).toMatchObject({ ok: true });
    expect(server.requests.filter((request) => request.method === 'PUT')).toHaveLength(5);
    expect(attempt.clock.now()).toBeGreaterThanOrEqual(Date.parse('2025-03-01T09:00:00.000Z') + 2 * 2000 + (1 + 2 + 3) * LAUNCHER_RETRY_BACKOFF_MS);
  });

  it('gives up after the bounded tries when the site keeps failing', async () => {
    const server = await launcher(status(503));
    const { result } = await signInAt(server);
    expect(result).toEqual({ ok: false, failure: { kind: 'launcher-unstable', status: 503, attempts: LAUNCHER_MAX_ATTEMPTS } });
    expect(server.requests).toHaveLength(LAUNCHER_MAX_ATTEMPTS);
    expect(finding((result as { failure: IdentifyFailure }).failure).code).toBe('GP-SIGNIN-UNSTABLE');
  });

  it('reads a JSON 404 on a poll as rejected, but a web page 404 as refused', async () => {
    const json = await signInAt(await launcher(opened, [status(404, { message: 'Not Found' })]));
    expect(json.result).toEqual({ ok: false, failure: { kind: 'launcher-rejected' } });
    const page = await signInAt(await launcher(opened, [(_request, response) => sendText(response, 404, 'text/html', '<title>Nope</title>')]));
    expect(page.result).toMatchObject({ ok: false, failure: { kind: 'launcher-refused', status: 404 } });
  });

  it('reads a JSON 403 as the feature being off, and other refusals as refused', async () => {
    const off = await signInAt(await launcher(status(403, { message: 'disabled' })));
    expect(off.result).toEqual({ ok: false, failure: { kind: 'launcher-off', serverMessage: 'disabled' } });
    expect(finding((off.result as { failure: IdentifyFailure }).failure).code).toBe('GP-SIGNIN-OFF');
    const missing = await signInAt(await launcher(status(400, { message: 'Missing params: appName, machineId' })));
    expect(missing.result).toMatchObject({ ok: false, failure: { kind: 'launcher-refused', status: 400 } });
    expect(finding((missing.result as { failure: IdentifyFailure }).failure).code).toBe('GP-SIGNIN-REFUSED');
  });

  it.each<[string, Answer, Answer[]]>([
    ['malformed JSON', (_request, response) => sendText(response, 200, 'application/json', '{"sessionRequestId": "r4'), []],
    ['a web page', (_request, response) => sendText(response, 200, 'text/html', '<html><title>Sign in</title></html>'), []],
    ['a JSON list', (_request, response) => sendJson(response, ['r42']), []],
    ['no request id', (_request, response, origin) => sendJson(response, { url: `${origin}/x` }), []],
    ['an approval page on another host', (_request, response) => sendJson(response, { sessionRequestId: 'r42', url: 'https://elsewhere.example/approve' }), []],
    ['an oversized reply', (_request, response) => sendJson(response, { sessionRequestId: 'r42', padding: 'x'.repeat(LAUNCHER_MAX_RESPONSE_BYTES) }), []],
    ['an approval without a token', opened, [(_request, response) => sendJson(response, { approved: true, userLogin: 'jdoe' })]],
    ['a malformed poll', opened, [(_request, response) => sendText(response, 200, 'application/json', 'approved')]],
    ['a poll cut off mid-reply', opened, [(_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      response.write('{"approved":fa', () => response.destroy());
    }]],
  ])('reads %s as a bad reply', async (_name, open, polls) => {
    const { result } = await signInAt(await launcher(open, polls));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'launcher-bad-reply' } });
    expect(finding((result as { failure: IdentifyFailure }).failure).code).toBe('GP-SIGNIN-BAD-REPLY');
  });

  it('keeps the network failure when nothing answers, after the bounded tries', async () => {
    const port = await closedPort();
    const attempt = startSignIn(`http://127.0.0.1:${port}`);
    const result = await finish(attempt);
    expect(result).toEqual({ ok: false, failure: { kind: 'refused' } });
    expect(finding((result as { failure: IdentifyFailure }).failure).code).toBe('GP-NET-REFUSED');
  });

  it('never lets the session token out, even when the site echoes it back in an error', async () => {
    const echo: Answer = (request, response) => sendJson(response, { exception: true, error_code: 999, message: `bad ${request.body}` });
    const { result } = await signInAt(await launcher(opened, [approved], echo));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'fault', code: 999 } });
    expect(JSON.stringify(result)).not.toContain(PLANTED_TOKEN);
    expect(JSON.stringify(finding((result as { failure: IdentifyFailure }).failure))).not.toContain(PLANTED_TOKEN);
  });

  it('names the person and their exact login once confirmed', () => {
    const confirmed = findingForSignedIn(
      { id: 7, login: 'jdoe', name: 'Jane Doe', email: 'jane.doe@studio.example', status: 'act', permissionGroup: 'Artist', lockedUntil: null, lockedUntilReadable: true },
      { loginMethod: 'oxygen', site: null },
    );
    expect(confirmed).toMatchObject({ code: 'GP-SIGNIN-CONFIRMED', severity: 'info', title: 'You are Jane Doe' });
    expect(confirmed.explanation).toContain('"jdoe"');
  });

  it.each<[IdentifyFailure, string]>([
    [{ kind: 'launcher-timeout', afterMs: 180_000 }, 'GP-SIGNIN-TIMEOUT'],
    [{ kind: 'launcher-cancelled' }, 'GP-SIGNIN-CANCELLED'],
    [{ kind: 'launcher-rejected' }, 'GP-SIGNIN-REJECTED'],
    [{ kind: 'timeout', afterMs: 15_000 }, 'GP-NET-TIMEOUT'],
  ])('gives %o the finding %s', (failure, code) => {
    expect(finding(failure).code).toBe(code);
  });
});
