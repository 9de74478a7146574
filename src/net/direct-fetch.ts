import type { IncomingMessage } from 'node:http';
import type { FetchLike, FetchReply, FetchReplyBody } from './fetch-like';
import { VERIFIED_TLS } from './tls-environment';

/** The code of the error a reply body fails with when the connection ended before the reply did. */
export const REPLY_CUT_OFF = 'GRIDPASS_REPLY_CUT_OFF';

/**
 * The CLI's fetch for direct connections, over Node's own http and https modules: a fresh connection
 * per request (`Connection: close`, as a request carrying a passphrase must never be retried on a
 * reused socket: with the probe's connection kept for the login, a site that hangs up after a reply
 * without saying so fails the login on the dead socket, and whether it counted it cannot be known),
 * no redirect followed, TLS always verified against Node's CA store (which includes
 * NODE_EXTRA_CA_CERTS). A command sends two or three requests: loading a fetch implementation and
 * compiling its WebAssembly HTTP parser cost more time and memory than the requests themselves, and
 * Node waits for that compilation before the process can exit.
 *
 * Failures reject like Node's fetch does, `TypeError('fetch failed')` with the socket's error (and its
 * code: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED...) as the cause, so one classifier reads both.
 */
export const directFetch: FetchLike = async (url, init) => {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new TypeError('fetch failed', { cause: new Error(`Cannot fetch a ${target.protocol} address.`) });
  }
  // Imported here, not at the top: `gridpass --version` and `accounts` never load the TLS stack.
  const transport = process.getBuiltinModule(target.protocol === 'https:' ? 'node:https' : 'node:http');
  init.signal.throwIfAborted();
  const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  return new Promise<FetchReply>((resolve, reject) => {
    const request = transport.request(target, {
      method: init.method,
      headers: { ...init.headers, connection: 'close', ...(body === undefined ? {} : { 'content-length': String(body.length) }) },
      agent: false,
      signal: init.signal,
      // Set here, so NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment changes nothing (plain http ignores it).
      ...VERIFIED_TLS,
    });
    request.on('response', (response) => resolve(replyFrom(response, init.signal)));
    request.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
    request.end(body);
  });
};

function replyFrom(response: IncomingMessage, signal: AbortSignal): FetchReply {
  return {
    status: response.statusCode ?? 0,
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: bodyOf(response, signal),
  };
}

/**
 * The reply's bytes as a reader. An early end of the connection is told apart from a broken one: a
 * socket error (a reset) is passed on as itself, a clean close before the announced length or the
 * last chunk is REPLY_CUT_OFF.
 */
function bodyOf(response: IncomingMessage, signal: AbortSignal): FetchReplyBody {
  let socketError: Error | null = null;
  response.socket.once('error', (error) => {
    socketError = error;
  });
  const abort = () => response.destroy(signal.reason instanceof Error ? signal.reason : new Error('The request was aborted.'));
  signal.addEventListener('abort', abort, { once: true });
  response.once('close', () => signal.removeEventListener('abort', abort));
  const chunks = response[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const cancel = async () => {
    response.destroy();
  };
  const read = async () => {
    try {
      const next = await chunks.next();
      return next.done ? { done: true as const, value: undefined } : { done: false as const, value: next.value };
    } catch (error) {
      if (signal.aborted || socketError !== null || response.complete) throw new TypeError('fetch failed', { cause: socketError ?? error });
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('The connection closed before the whole reply arrived.'), { code: REPLY_CUT_OFF }) });
    }
  };
  return { getReader: () => ({ read, cancel }), cancel };
}
