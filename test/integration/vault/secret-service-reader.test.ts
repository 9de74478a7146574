// Gridpass's own Secret Service read against the real gnome-keyring (unlocked by scripts/run-tests.mjs):
// it must give back exactly what the keychain library saved, and answer nothing but a plain success,
// leaving every other case (missing, ambiguous, a bus that misbehaves; a locked keyring is in
// keychain-unavailable.test.ts, in a session of its own) to the library.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainVault } from '../../../src/vault/keychain-vault';
import { encodeAccountName, type SecretRef } from '../../../src/vault/secret-ref';
import { SecretServiceReader } from '../../../src/vault/secret-service/secret-service-reader';
import { sessionBusSocket } from '../../../src/vault/secret-service/session-bus-address';
import { removeKeychainService, requireWorkingKeychain, uniqueKeychainService } from '../../fixtures/keyring';
import { leakedFragments, plantedSecret } from '../../fixtures/plant-secret';

const service = uniqueKeychainService('ssreader');
const vault = createKeychainVault({ service });
const bus = sessionBusSocket(process.env);
const uid = process.getuid!();
const ref = (login: string): SecretRef => ({ kind: 'session', host: 'studio.example:8443', login });
const readerOnBus = () => new SecretServiceReader(bus!, uid);

beforeAll(async () => {
  expect(bus, 'the tests run on a session bus of their own').not.toBeNull();
  await requireWorkingKeychain(vault);
});
afterEach(async () => {
  await removeKeychainService(service);
});

/** Files an item through libsecret's own tool, into another collection when asked. */
function secretTool(args: string[], input = ''): void {
  const run = spawnSync('secret-tool', args, { input, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

describe("Gridpass's Secret Service read", () => {
  it('gives back what the keychain library saved, whatever its length and characters', async () => {
    const secrets = [
      plantedSecret('ssread'),
      plantedSecret('ssread', { spice: 'Ünïcødé"q-✓-секрет ' }),
      'x',
      'y'.repeat(15),
      'z'.repeat(16),
      'w'.repeat(17),
      plantedSecret('ssread', { spice: 'v'.repeat(1000) }),
    ];
    const reader = readerOnBus();
    for (const [index, secret] of secrets.entries()) {
      expect((await vault.save(ref(`jane${index}`), secret)).ok).toBe(true);
      expect(await reader.read(service, encodeAccountName(ref(`jane${index}`)))).toEqual({ kind: 'found', secret });
    }
  });

  it('reads on a connection prepared ahead, and again on the same one', async () => {
    const first = plantedSecret('ssprep');
    const second = plantedSecret('ssprep');
    await vault.save(ref('amy'), first);
    await vault.save(ref('bob'), second);
    const reader = readerOnBus();
    await reader.prepare();
    expect(await reader.read(service, encodeAccountName(ref('amy')))).toEqual({ kind: 'found', secret: first });
    expect(await reader.read(service, encodeAccountName(ref('bob')))).toEqual({ kind: 'found', secret: second });
  });

  it('is unsure when nothing is saved, and the vault then answers as the library does', async () => {
    const read = await readerOnBus().read(service, encodeAccountName(ref('nobody')));
    expect(read).toEqual({ kind: 'unsure', reason: '0 unlocked and 0 locked items match.' });
    expect(await vault.read(ref('nobody'))).toEqual({ ok: true, value: null });
  });

  it('is unsure when two items match, one of them in another collection', async () => {
    const secret = plantedSecret('ssambiguous');
    await vault.save(ref('twice'), secret);
    secretTool(['store', '--collection=session', '--label=twice', 'service', service, 'username', encodeAccountName(ref('twice'))], 'other');
    const read = await readerOnBus().read(service, encodeAccountName(ref('twice')));
    // The library refuses to remove an item it cannot tell from another, so both go here.
    secretTool(['clear', 'service', service, 'username', encodeAccountName(ref('twice'))]);
    expect(read).toEqual({ kind: 'unsure', reason: '2 unlocked and 0 locked items match.' });
    expect(leakedFragments(JSON.stringify(read), [secret])).toEqual([]);
  });
});

describe("Gridpass's Secret Service read on a bus that misbehaves", () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gridpass-fake-bus-'));
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A Unix socket that answers each connection with `answer`. */
  async function fakeBus(name: string, answer: (socket: Socket) => void): Promise<string> {
    const path = join(scratch, name);
    const server = createServer(answer);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path, resolve));
    return path;
  }

  const readFrom = (path: string, timeoutMs?: number) => new SecretServiceReader(path, uid, { timeoutMs }).read(service, 'session:h:j');

  it('is unsure, saying so, when no bus listens at the address', async () => {
    const read = await readFrom(join(scratch, 'nothing-here'));
    expect(read).toMatchObject({ kind: 'unsure', reason: expect.stringContaining('D-Bus connection failed') });
  });

  it('is unsure when the bus refuses the authentication', async () => {
    const path = await fakeBus('refuses', (socket) => socket.once('data', () => socket.end('REJECTED EXTERNAL\r\n')));
    expect(await readFrom(path)).toMatchObject({ kind: 'unsure', reason: expect.stringContaining('refused the connection (REJECTED EXTERNAL)') });
  });

  it('is unsure when something else than a bus answers', async () => {
    const path = await fakeBus('html', (socket) => socket.once('data', () => socket.end('<html><body>Bad Gateway</body></html>\r\n')));
    expect(await readFrom(path)).toMatchObject({ kind: 'unsure', reason: expect.stringContaining('refused the connection (<html>') });
  });

  it('is unsure when the bus hangs up after saying OK', async () => {
    const path = await fakeBus('hangs-up', (socket) => socket.once('data', () => socket.end('OK 0123456789abcdef\r\n')));
    expect(await readFrom(path)).toMatchObject({ kind: 'unsure', reason: expect.stringMatching(/connection closed|connection failed/) });
  });

  it('is unsure when the bus sends garbage after OK', async () => {
    const path = await fakeBus('garbage', (socket) => socket.once('data', () => socket.write(`OK 0123456789abcdef\r\n${'B'.repeat(64)}`)));
    expect(await readFrom(path)).toMatchObject({ kind: 'unsure', reason: expect.stringContaining('little-endian') });
  });

  it('gives up on a bus that never answers, within its time limit', async () => {
    const path = await fakeBus('silent', () => undefined);
    expect(await readFrom(path, 200)).toMatchObject({ kind: 'unsure', reason: expect.stringContaining('within 200 ms') });
  });
});
