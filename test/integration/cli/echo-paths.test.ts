/**
 * Every other way a hostile site or proxy can hand request-derived text back besides the fault message:
 * a redirect's Location (readable or not a URL at all), a sign-in page's title, JSON cut off inside the
 * echo, the status line and headers, a site that describes itself (its login method) with the last
 * passphrase it was sent, and a proxy that answers with the credentials it was sent. For
 * each, `gridpass verify` (passphrase and 2FA code), `doctor` with a Markdown report and the app's
 * service (verify, diagnose, both reports) show no 8-character fragment of any planted secret.
 */
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnoseStatus } from '../../../src/ipc/contract';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { IDENTITY_SITE_INFO, sendJson, sendText, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../../fixtures/loopback-server';
import { leakedFragments, plantedSecret } from '../../fixtures/plant-secret';
import { startRealService } from '../../fixtures/real-service';

const login = 'ana@studio.example';
const spice = 'Ünïcødé"q-';
const html = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** How each site answers the credentialed request (the `info` probe is answered normally). */
const paths: Record<string, (request: RecordedRequest, response: ServerResponse) => void> = {
  'a redirect whose Location carries the request': (request, response) => {
    const echo = encodeURIComponent(request.body);
    response.writeHead(302, { location: `/portal/${echo}?echo=${echo}` });
    response.end();
  },
  'a redirect to another host named after the request': (request, response) => {
    const value = (request.json as { params?: [Record<string, string>] }).params?.[0]?.user_password ?? '';
    response.writeHead(302, { location: `https://${value.slice(-24)}.portal.example/login` });
    response.end();
  },
  'a redirect to a Location that is no URL': (request, response) => {
    response.writeHead(302, { location: `http://[${encodeURIComponent(request.body)}` });
    response.end();
  },
  'a sign-in page titled with the request': (request, response) =>
    sendText(response, 200, 'text/html; charset=utf-8', `<html><head><title>Sign in again: ${html(request.body)}</title></head><body>${html(request.body)}</body></html>`),
  'JSON cut off inside the echoed request': (request, response) =>
    sendText(response, 200, 'application/json', `{"exception":true,"error_code":102,"message":"You sent ${JSON.stringify(request.body).slice(1, 200)}`),
  'a status line and headers carrying the request': (request, response) => {
    const echo = encodeURIComponent(request.body).slice(0, 400);
    response.statusMessage = `Refused ${echo}`;
    response.writeHead(503, { 'content-type': 'text/plain', 'www-authenticate': `Basic realm="${echo}"`, 'x-echo': echo, 'retry-after': echo });
    response.end(request.body);
  },
};

async function folderText(folder: string): Promise<string> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  return (await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))).join('\n');
}

function planted(): { passphrase: string; code: string } {
  return { passphrase: plantedSecret('passphrase', { spice }), code: plantedSecret('2fa-code') };
}

let sandbox: CliSandbox;
beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('echo-paths');
});
afterAll(async () => {
  await sandbox?.cleanup();
});

describe.each(Object.keys(paths))('%s', (path) => {
  let site: LoopbackServer;
  beforeAll(async () => {
    site = await startLoopbackServer((request, response) => {
      const method = (request.json as { method_name?: unknown } | undefined)?.method_name;
      if (method === 'info') return sendJson(response, IDENTITY_SITE_INFO);
      paths[path]!(request, response);
    });
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each([
    ['verify', ['verify', '--login', login, '--passphrase-stdin', '--2fa-stdin']],
    ['doctor --report .md', ['doctor', '--login', login, '--passphrase-stdin', '--2fa-stdin', '--report', 'REPORT.md']],
  ])('%s shows and writes no fragment of the passphrase or the code', async (_name, args) => {
    const secrets = planted();
    const report = join(sandbox.home, `report-${randomUUID()}`);
    const before = site.requests.length;
    const run = await sandbox.run([...args.map((arg) => arg.replace('REPORT', report)), '--site', site.origin], { stdin: `${secrets.passphrase}\n${secrets.code}\n` });
    expect(site.requests.slice(before).some((request) => request.body.includes(secrets.code))).toBe(true);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/\[GP-[A-Z0-9-]+\]/);
    expect(leakedFragments(`${run.stdout}\n${run.stderr}\n${await folderText(sandbox.home)}`, Object.values(secrets))).toEqual([]);
  });

  it('the service answers verify and diagnose with no fragment of the passphrase', async () => {
    const real = await startRealService();
    try {
      const { passphrase } = planted();
      const responses: unknown[] = [await real.service.verifyLogin({ site: site.origin, login, passphrase })];
      const { runId } = await real.service.startDiagnose({ target: { kind: 'site', site: site.origin, login, passphrase } });
      let status: DiagnoseStatus | null = null;
      for (let i = 0; i < 400 && status?.done !== true; i += 1) {
        status = await real.service.diagnoseStatus({ runId });
        responses.push(status);
        if (!status.done) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(status?.done).toBe(true);
      responses.push(await real.service.diagnoseReport({ runId, format: 'markdown' }), await real.service.diagnoseReport({ runId, format: 'json' }));
      expect(site.requests.some((request) => request.body.includes(JSON.stringify(passphrase).slice(1, -1)))).toBe(true);
      expect(leakedFragments(JSON.stringify(responses), [passphrase])).toEqual([]);
    } finally {
      await real.close();
    }
  });
});

describe('a site that describes itself with the last passphrase it was sent', () => {
  let site: LoopbackServer;
  let last = '';
  beforeAll(async () => {
    site = await startLoopbackServer((request, response) => {
      const json = request.json as { method_name?: unknown; params?: [Record<string, string>] } | undefined;
      // The passphrase cut off and upper-cased, as a "login method" the next probe reports.
      if (json?.method_name === 'info') return sendJson(response, { ...IDENTITY_SITE_INFO, user_authentication_method: `sso:${last.slice(4).toUpperCase()}` });
      last = json?.params?.[0]?.user_password ?? last;
      sendJson(response, { exception: true, error_code: 102, message: "Can't authenticate user." });
    });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('doctor --report .md, run after verify with the same passphrase, shows and writes no fragment of it', async () => {
    const { passphrase } = planted();
    const report = join(sandbox.home, `report-${randomUUID()}.md`);
    const first = await sandbox.run(['verify', '--site', site.origin, '--login', login, '--passphrase-stdin'], { stdin: `${passphrase}\n` });
    const run = await sandbox.run(['doctor', '--site', site.origin, '--login', login, '--passphrase-stdin', '--report', report], { stdin: `${passphrase}\n` });
    expect(last).toBe(passphrase);
    expect(run.stdout).toContain('sso:[redacted]');
    expect(leakedFragments(`${first.stdout}\n${run.stdout}\n${run.stderr}\n${await folderText(sandbox.home)}`, [passphrase])).toEqual([]);
  });

  it('the service diagnoses it after a verify with no fragment of the passphrase in any answer', async () => {
    const real = await startRealService();
    try {
      const { passphrase } = planted();
      await real.service.verifyLogin({ site: site.origin, login, passphrase });
      const { runId } = await real.service.startDiagnose({ target: { kind: 'site', site: site.origin, login, passphrase } });
      const responses: unknown[] = [];
      let status: DiagnoseStatus | null = null;
      for (let i = 0; i < 400 && status?.done !== true; i += 1) {
        status = await real.service.diagnoseStatus({ runId });
        responses.push(status);
        if (!status.done) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      responses.push(await real.service.diagnoseReport({ runId, format: 'markdown' }), await real.service.diagnoseReport({ runId, format: 'json' }));
      expect(JSON.stringify(responses)).toContain('sso:[redacted]');
      expect(leakedFragments(JSON.stringify(responses), [passphrase])).toEqual([]);
    } finally {
      await real.close();
    }
  });
});

describe('a proxy that answers with the credentials it was sent', () => {
  let proxy: net.Server;
  let port = 0;
  beforeAll(async () => {
    // It reads the CONNECT request and its Proxy-Authorization, and puts them back into its answer.
    proxy = net.createServer((socket) => socket.once('data', (chunk) => {
      const sent = chunk.toString('latin1');
      const basic = /proxy-authorization: basic (\S+)/i.exec(sent)?.[1] ?? '';
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const echo = `${sent} ${decoded}`.replace(/[\r\n]+/g, ' ');
      socket.end(`HTTP/1.1 407 Who are you ${encodeURIComponent(decoded)}\r\nProxy-Authenticate: Basic realm="${encodeURIComponent(echo)}"\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(echo)}\r\n\r\n${echo}`);
    }));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    port = (proxy.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  });

  it.each([
    ['site', ['site', 'mystudio.shotgrid.autodesk.com']],
    ['verify', ['verify', '--site', 'mystudio.shotgrid.autodesk.com', '--login', login, '--passphrase-stdin']],
    ['doctor --report .md', ['doctor', '--site', 'mystudio.shotgrid.autodesk.com', '--login', login, '--passphrase-stdin', '--report', 'REPORT.md']],
  ])('%s shows and writes no fragment of the proxy password', async (_name, args) => {
    const proxyPassword = plantedSecret('proxy-password');
    const { passphrase } = planted();
    const report = join(sandbox.home, `report-${randomUUID()}`);
    const env = { HTTPS_PROXY: `http://proxyuser:${encodeURIComponent(proxyPassword)}@127.0.0.1:${port}` };
    const run = await sandbox.run(args.map((arg) => arg.replace('REPORT', report)), { stdin: `${passphrase}\n`, env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/\[GP-[A-Z0-9-]+\]/);
    expect(leakedFragments(`${run.stdout}\n${run.stderr}\n${await folderText(sandbox.home)}`, [proxyPassword, passphrase])).toEqual([]);
  });
});
