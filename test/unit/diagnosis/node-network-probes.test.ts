import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { findingCodeForTlsError } from '../../../src/diagnosis/checks/network-error-codes';
import { createNodeNetworkProbes } from '../../../src/diagnosis/node-network-probes';

const tlsFixture = (name: string) => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url), 'utf8');
const testCa = tlsFixture('ca.crt');
const leafKey = tlsFixture('leaf.key');

const servers: Server[] = [];
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function tlsServer(certificate: string): Promise<number> {
  const server = createTlsServer({ key: leafKey, cert: tlsFixture(certificate) }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  return listen(server);
}

async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('node network probes', () => {
  const probes = createNodeNetworkProbes({ extraCaCertificates: [testCa] });

  describe('resolveHost', () => {
    it('resolves localhost to a loopback address', async () => {
      const result = await probes.resolveHost('localhost');
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.addresses.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
    });

    it('reports a name that does not exist with its resolver code', async () => {
      const result = await probes.resolveHost('no-such-site.invalid');
      expect(result).toMatchObject({ ok: false, code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|ENODATA)$/) });
    });

    it('gives up on a lookup that hangs', async () => {
      const hanging = createNodeNetworkProbes({ dnsTimeoutMs: 50, lookup: () => new Promise(() => undefined) });
      await expect(hanging.resolveHost('slow.example')).resolves.toMatchObject({ ok: false, code: 'ETIMEDOUT' });
    });

    it('lists each address once', async () => {
      const doubled = createNodeNetworkProbes({ lookup: async () => [{ address: '203.0.113.1' }, { address: '203.0.113.1' }, { address: '2001:db8::1' }] });
      await expect(doubled.resolveHost('site.example')).resolves.toEqual({ ok: true, addresses: ['203.0.113.1', '2001:db8::1'] });
    });
  });

  describe('connect', () => {
    it('connects to a listening port and says how long it took', async () => {
      const port = await listen(createTcpServer());
      const result = await probes.connect('127.0.0.1', port, 2_000);
      expect(result).toMatchObject({ ok: true, ms: expect.any(Number) });
    });

    it('reports a closed port as refused', async () => {
      await expect(probes.connect('127.0.0.1', await closedPort(), 2_000)).resolves.toMatchObject({ ok: false, code: 'ECONNREFUSED' });
    });
  });

  describe('tlsHandshake', () => {
    it('verifies a certificate from a trusted CA and names its issuer', async () => {
      const port = await tlsServer('loopback.crt');
      const result = await probes.tlsHandshake('localhost', port, 2_000);
      expect(result).toMatchObject({ ok: true, protocol: expect.stringMatching(/^TLSv1\.[23]$/), issuer: 'Gridpass Test CA (Gridpass tests)', validTo: expect.stringContaining('2045') });
    });

    it('checks IP addresses against the certificate too', async () => {
      const port = await tlsServer('loopback.crt');
      await expect(probes.tlsHandshake('127.0.0.1', port, 2_000)).resolves.toMatchObject({ ok: true });
    });

    it.each([
      ['an unknown CA', 'loopback.crt', false, 'GP-TLS-UNTRUSTED'],
      ['a self-signed certificate', 'self-signed.crt', true, 'GP-TLS-UNTRUSTED'],
      ['an expired certificate', 'expired.crt', true, 'GP-TLS-EXPIRED'],
      ['a certificate for another host', 'wrong-host.crt', true, 'GP-TLS-WRONG-HOST'],
    ])('refuses %s (%s)', async (_what, certificate, trustTestCa, findingCode) => {
      const port = await tlsServer(certificate);
      const prober = trustTestCa ? probes : createNodeNetworkProbes();
      const result = await prober.tlsHandshake('localhost', port, 2_000);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(findingCodeForTlsError(result.code)).toBe(findingCode);
    });

    it('gives up on a server that never answers the handshake', async () => {
      const port = await listen(createTcpServer());
      const started = performance.now();
      await expect(probes.tlsHandshake('127.0.0.1', port, 150)).resolves.toMatchObject({ ok: false, code: 'ETIMEDOUT' });
      expect(performance.now() - started).toBeLessThan(1_500);
    });

    it('reports a server that answers in plain text as a TLS failure', async () => {
      const port = await listen(createTcpServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
      const result = await probes.tlsHandshake('127.0.0.1', port, 2_000);
      expect(result).toMatchObject({ ok: false, code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
      if (!result.ok) expect(findingCodeForTlsError(result.code)).toBe('GP-TLS-OTHER');
    });
  });
});
