/**
 * Reads one secret from the Secret Service over D-Bus, without the keychain library: the library's
 * open of the service holds the thread for 6 to 9 ms (connection, Hello and the key exchange, both
 * ends of it in turn), about a tenth of a `gridpass session`. Here the connection and the encrypted
 * session are asked for at once and the service does its half while this process reads its settings.
 *
 * The transfer is encrypted as the library's and libsecret's are (`dh-ietf1024-sha256-aes128-cbc-pkcs7`),
 * so a bus monitor never logs a secret, with the key exchange and cipher written here because Node's
 * crypto module alone takes longer to load than the library's whole open.
 *
 * Only a plain success is answered here: one unlocked item under the service and account name, in an
 * encrypted session, whose value is UTF-8. Everything else (nothing found, a locked or ambiguous
 * item, an error, a reply not understood) is `unsure`, and the vault asks the library, which prompts,
 * words the failure and decides as it always has.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { DBusConnection, type CallReply } from './dbus-connection';
import { isVariant, type DBusValue } from './dbus-wire';
import { aes128CbcDecrypt } from './aes128-cbc';
import { dhKeyPair, dhSharedKey } from './modp-dh';

type SecretServiceRead = { kind: 'found'; secret: string } | { kind: 'unsure'; reason: string };

const SERVICE = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
const ALGORITHM = 'dh-ietf1024-sha256-aes128-cbc-pkcs7';

interface OpenSession {
  connection: DBusConnection;
  /** The session's object path and AES key, or why there is none. */
  session: Promise<{ path: string; key: Uint8Array } | { problem: string }>;
}

export class SecretServiceReader {
  #open: OpenSession | null = null;

  constructor(
    private readonly socketPath: string,
    private readonly uid: number,
    private readonly options: { timeoutMs?: number | undefined } = {},
  ) {}

  /**
   * Connects and asks for the encrypted session now, so that a read soon after waits less; resolves
   * once the request is out, which on a local socket takes one turn of the event loop.
   */
  prepare(): Promise<void> {
    try {
      this.#open ??= this.#openSession();
      return this.#open.connection.sent;
    } catch {
      // The read that follows tries again, and says why when it fails.
      return Promise.resolve();
    }
  }

  async read(service: string, account: string): Promise<SecretServiceRead> {
    let open: OpenSession | null = null;
    try {
      open = this.#open ??= this.#openSession();
      return await this.#readFrom(open, service, account);
    } catch (error) {
      // A connection that failed or answered what is not understood is closed; the next read opens a new one.
      if (open !== null) this.#drop(open);
      return unsure(error instanceof Error ? error.message : String(error));
    }
  }

  async #readFrom(open: OpenSession, service: string, account: string): Promise<SecretServiceRead> {
    const searched = await open.connection.call({
      destination: SERVICE, path: SERVICE_PATH, interface: 'org.freedesktop.Secret.Service', member: 'SearchItems',
      signature: 'a{ss}', body: [[['service', service], ['username', account]]],
    });
    const [unlocked, locked] = replyBody(searched, 'SearchItems');
    if (!isPathList(unlocked) || !isPathList(locked)) throw new Error('SearchItems answered something else than two lists of items.');
    if (unlocked.length !== 1 || locked.length !== 0) return unsure(`${unlocked.length} unlocked and ${locked.length} locked items match.`);
    const session = await open.session;
    if ('problem' in session) throw new Error(session.problem);
    const got = await open.connection.call({
      destination: SERVICE, path: unlocked[0]!, interface: 'org.freedesktop.Secret.Item', member: 'GetSecret',
      signature: 'o', body: [session.path],
    });
    return decryptSecret(replyBody(got, 'GetSecret')[0], session.key);
  }

  #openSession(): OpenSession {
    // The key pair first: when it cannot be made, no connection is left open behind the error.
    const random = urandom(32);
    const keys = dhKeyPair(random);
    random.fill(0);
    // Long enough for a keyring daemon the bus starts on demand; the library then gets its turn.
    const connection = new DBusConnection(this.socketPath, this.uid, this.options.timeoutMs ?? 5000);
    const reply = connection.call({
      destination: SERVICE, path: SERVICE_PATH, interface: 'org.freedesktop.Secret.Service', member: 'OpenSession',
      signature: 'sv', body: [ALGORITHM, { signature: 'ay', value: keys.publicKey }],
    });
    // Settles, never rejects: a read may have stopped waiting for it.
    const session = reply.then((answer): { path: string; key: Uint8Array } | { problem: string } => {
      const [output, path] = replyBody(answer, 'OpenSession');
      if (typeof path !== 'string' || output === undefined || !isVariant(output) || !(output.value instanceof Uint8Array)) {
        return { problem: 'OpenSession answered something else than a key and a session.' };
      }
      const key = dhSharedKey(keys.privateKey, output.value);
      return key === null ? { problem: 'The Secret Service sent a key that is not a valid public key.' } : { path, key };
    }).catch((error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }));
    return { connection, session };
  }

  #drop(open: OpenSession): void {
    open.connection.close();
    if (this.#open === open) this.#open = null;
  }
}

function replyBody(reply: CallReply, member: string): DBusValue[] {
  if (reply.type === 'error') throw new Error(`${member} failed: ${reply.errorName}.`);
  return reply.body;
}

function decryptSecret(secret: DBusValue | undefined, key: Uint8Array): SecretServiceRead {
  if (!Array.isArray(secret) || secret.length !== 4) throw new Error('GetSecret answered something else than a secret.');
  const [, iv, value] = secret as DBusValue[];
  if (!(iv instanceof Uint8Array) || !(value instanceof Uint8Array)) throw new Error('GetSecret answered a secret without its parameters.');
  const plain = aes128CbcDecrypt(key, iv, value);
  if (plain === null) throw new Error('The secret did not decrypt.');
  try {
    return { kind: 'found', secret: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return unsure('The secret is not UTF-8 text.');
  } finally {
    plain.fill(0);
  }
}

function isPathList(value: DBusValue | undefined): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function unsure(reason: string): SecretServiceRead {
  return { kind: 'unsure', reason };
}

/** The kernel's random bytes, read directly: this path is Linux's, and Node's crypto module is what it avoids. */
function urandom(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  const fd = openSync('/dev/urandom', 'r');
  try {
    if (readSync(fd, bytes, 0, count, null) !== count) throw new Error('The kernel gave too few random bytes.');
  } finally {
    closeSync(fd);
  }
  return bytes;
}
