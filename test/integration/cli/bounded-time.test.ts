/**
 * Every command ends within its --timeout plus a small constant, whatever the network does: a proxy
 * that accepts the connection and never answers, a TLS handshake that never completes, a server that never sends its headers, one that drips
 * its body, compression bombs, a redirect loop. Each case runs `site`, `verify` and `doctor` of the
 * built `gridpass` against real loopback servers. Elapsed time is measured only to assert that bound.
 */
import net from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { startLoopbackServer, type LoopbackServer } from '../../fixtures/loopback-server';

const TIMEOUT_SECONDS = 2;
const BOUND_MS = (TIMEOUT_SECONDS + 2) * 1000;

let sandbox: CliSandbox;
const servers: LoopbackServer[] = [];
const drips = new Set<NodeJS.Timeout>();
let hangingProxy: net.Server;
let hangingProxyPort = 0;
let stalledHandshake: net.Server;
let stalledHandshakePort = 0;

/** A TCP server that accepts and reads, and never answers: a proxy that hangs, or a TLS handshake that never completes. */
async function silentServer(): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as net.AddressInfo).port };
}

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('bounded-time');
  ({ server: hangingProxy, port: hangingProxyPort } = await silentServer());
  ({ server: stalledHandshake, port: stalledHandshakePort } = await silentServer());
});

afterAll(async () => {
  for (const drip of drips) clearInterval(drip);
  await Promise.all(servers.map((server) => server.close()));
  for (const server of [hangingProxy, stalledHandshake]) await new Promise<void>((resolve) => server?.close(() => resolve()));
  await sandbox?.cleanup();
});

async function serve(answer: (response: ServerResponse) => void): Promise<string> {
  const server = await startLoopbackServer((_request, response) => answer(response));
  servers.push(server);
  return server.origin;
}

/** Ten megabytes of JSON-looking zeros, compressed to a few kilobytes. */
const bomb = Buffer.alloc(10 * 1024 * 1024, '0');

const misbehaving: Record<string, () => Promise<{ site: string; env?: NodeJS.ProcessEnv }>> = {
  'a proxy that accepts and never answers': async () => ({
    site: 'mystudio.shotgrid.autodesk.com',
    env: { HTTPS_PROXY: `http://127.0.0.1:${hangingProxyPort}` },
  }),
  // The client's hello is read and never answered: the handshake itself has to be bounded.
  'a server that accepts and never completes the TLS handshake': async () => ({ site: `https://127.0.0.1:${stalledHandshakePort}` }),
  'a server that never sends its headers': async () => ({ site: await serve(() => undefined) }),
  'a server that drips its body one byte at a time': async () => ({
    site: await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      const drip = setInterval(() => response.write(' '), 200);
      drips.add(drip);
      response.on('close', () => clearInterval(drip));
    }),
  }),
  'a gzip bomb': async () => ({ site: await serve((response) => sendCompressed(response, 'gzip', gzipSync(bomb))) }),
  'a deflate bomb': async () => ({ site: await serve((response) => sendCompressed(response, 'deflate', deflateSync(bomb))) }),
  'a brotli bomb': async () => ({ site: await serve((response) => sendCompressed(response, 'br', brotliCompressSync(bomb))) }),
  'a redirect loop': async () => ({
    site: await serve((response) => {
      response.writeHead(302, { location: '/api3/json' });
      response.end();
    }),
  }),
};

function sendCompressed(response: ServerResponse, encoding: string, body: Buffer): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': String(body.length) });
  response.end(body);
}

const commands: Record<string, (site: string) => string[]> = {
  site: (site) => ['site', site],
  verify: (site) => ['verify', '--site', site, '--login', 'ana@studio.example', '--passphrase-stdin'],
  doctor: (site) => ['doctor', '--site', site, '--login', 'ana@studio.example', '--passphrase-stdin'],
};

describe.each(Object.keys(misbehaving))('against %s', (situation) => {
  it.each(Object.keys(commands))(`gridpass %s ends within --timeout ${TIMEOUT_SECONDS} + 2 s with a failed check`, async (command) => {
    const { site, env } = await misbehaving[situation]!();
    const started = performance.now();
    const run = await sandbox.run([...commands[command]!(site), '--timeout', String(TIMEOUT_SECONDS)], { stdin: 'bounded-time-passphrase\n', env });
    const elapsed = performance.now() - started;
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/\[GP-[A-Z-]+\]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(elapsed).toBeLessThan(BOUND_MS);
  });
});
