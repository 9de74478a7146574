import { defaultRequestTimeoutMs } from '../net/request-timeout';
import type { SiteAddress } from '../site/site-address';
import type { Checked } from './checked';
import type { Failure, Outcome } from './failure';
import { probeSite } from './probe-site';
import { screenFailure, screenHumanUser } from './server-text';
import type { CallOptions, ShotgridClient, ShotgridClientOptions } from './shotgrid-client';
import { createTransport } from './transport';
import type { Transport } from './transport';
import { openSession } from './open-session';
import { verifyLogin } from './verify-login';
import { verifyScriptKey } from './verify-script-key';
import { verifySessionToken } from './verify-session-token';

export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const DEFAULT_PROBE_RETRY_DELAY_MS = 750;

/**
 * The ShotGrid API3 client. Each method runs its own short sequence of bounded requests, never throws,
 * never retries a call that carries credentials, and reports how many requests it sent.
 */
export function createShotgridClient(options: ShotgridClientOptions): ShotgridClient {
  const retryDelay = options.probeRetryDelayMs ?? DEFAULT_PROBE_RETRY_DELAY_MS;

  const run = async <T>(
    callOptions: CallOptions | undefined,
    secrets: readonly (string | undefined)[],
    steps: (transport: Transport) => Promise<Checked<T>>,
  ): Promise<Outcome<T>> => {
    const transport = createTransport({
      fetch: options.fetch,
      userAgent: options.userAgent,
      timeoutMs: callOptions?.timeoutMs ?? options.timeoutMs ?? defaultRequestTimeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      signal: callOptions?.signal,
    });
    let result: Checked<T>;
    try {
      result = await steps(transport);
    } catch (error) {
      result = { ok: false, failure: unexpected(error) };
    }
    if (result.ok) {
      return { ok: true, value: result.value, roundTrips: transport.roundTrips };
    }
    return { ok: false, failure: screenFailure(result.failure, secrets), roundTrips: transport.roundTrips };
  };

  return {
    probe: (site: SiteAddress, callOptions?: CallOptions) =>
      run(callOptions, [], async (transport) => {
        const probed = await probeSite(transport, site, retryDelay);
        return probed.ok ? { ok: true, value: probed.info } : probed;
      }),
    verifyLogin: (site, credentials, callOptions) => {
      const secrets = [credentials.passphrase, credentials.twoFactorCode];
      return run(callOptions, secrets, async (transport) => {
        const verified = await verifyLogin(transport, site, credentials, retryDelay, callOptions?.alreadyProbed !== undefined);
        return verified.ok ? { ok: true, value: screenHumanUser(verified.value, credentials.login, secrets) } : verified;
      });
    },
    verifyScriptKey: (site, credentials, callOptions) =>
      run(callOptions, [credentials.scriptKey], async (transport) => {
        const verified = await verifyScriptKey(transport, site, credentials, retryDelay);
        if (!verified.ok || verified.value.sudoAs === null) return verified;
        return { ok: true, value: { ...verified.value, sudoAs: screenHumanUser(verified.value.sudoAs, credentials.sudoAsLogin ?? '', [credentials.scriptKey]) } };
      }),
    verifySessionToken: (site, credentials, callOptions) =>
      run(callOptions, [credentials.sessionToken], async (transport) => {
        const verified = await verifySessionToken(transport, site, credentials, retryDelay);
        return verified.ok ? { ok: true, value: screenHumanUser(verified.value, credentials.login, [credentials.sessionToken]) } : verified;
      }),
    openSession: (site, credentials, callOptions) => {
      const secrets = [credentials.passphrase, credentials.twoFactorCode];
      return run(callOptions, secrets, async (transport) => {
        const opened = await openSession(transport, site, credentials, retryDelay, callOptions?.alreadyProbed !== undefined);
        if (!opened.ok) return opened;
        const user = screenHumanUser(opened.value.user, credentials.login, [...secrets, opened.value.sessionToken]);
        return { ok: true, value: { ...opened.value, user } };
      });
    },
  };
}

/** A bug or an odd fetch implementation: reported as a failure, never thrown at the caller. */
function unexpected(error: unknown): Failure {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'network', detail: `Unexpected error while talking to the site (${text.slice(0, 200)}).` };
}
