import { hostname } from 'node:os';
import { defaultRequestTimeoutMs } from '../net/request-timeout';
import type { SiteAddress } from '../site/site-address';
import { signInWithBrowser } from './browser-sign-in';
import type { ApprovalLink, BrowserSignInTiming, PollClock } from './browser-sign-in';
import type { LauncherFailure } from './browser-sign-in-failure';
import type { Failure } from './failure';
import type { FetchLike } from '../net/fetch-like';
import { screenFailure } from './server-text';
import { readSignedInPerson } from './signed-in-person';
import type { SignedInPerson } from './signed-in-person';
import { createTransport } from './transport';

/** Launcher replies are a few dozen bytes; a page this big is not the launcher. */
export const LAUNCHER_MAX_RESPONSE_BYTES = 64 * 1024;
const PERSON_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export type IdentifyFailure = LauncherFailure | Failure;
export type IdentifyResult = { ok: true; person: SignedInPerson } | { ok: false; failure: IdentifyFailure };

interface IdentifyRun {
  signal?: AbortSignal;
  onApprovalLink(link: ApprovalLink): void;
}

export interface BrowserSignInClient {
  /**
   * Browser sign-in, then one read of the person's own record. The session token lives only inside this
   * call: it is never returned, stored or logged, and is dropped as soon as the record is read.
   */
  identify(site: SiteAddress, run: IdentifyRun): Promise<IdentifyResult>;
}

interface BrowserSignInClientOptions {
  fetch: FetchLike;
  userAgent: string;
  clock: PollClock;
  timeoutMs?: number;
  /** Defaults to this computer's host name. */
  machineId?: string;
  timing?: Partial<BrowserSignInTiming>;
}

export function createBrowserSignInClient(options: BrowserSignInClientOptions): BrowserSignInClient {
  const transportFor = (signal: AbortSignal | undefined, maxResponseBytes: number) => createTransport({
    fetch: options.fetch,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs ?? defaultRequestTimeoutMs,
    maxResponseBytes,
    signal,
  });
  return {
    async identify(site, run) {
      try {
        return await identify(site, run);
      } catch (error) {
        // A bug, or a callback that threw: reported, never thrown at the caller (and never with the token).
        const text = error instanceof Error ? error.name : typeof error;
        return { ok: false, failure: { kind: 'network', detail: `Unexpected error during browser sign-in (${text}).` } };
      }
    },
  };

  async function identify(site: SiteAddress, run: IdentifyRun): Promise<IdentifyResult> {
    const signedIn = await signInWithBrowser({
      transport: transportFor(run.signal, LAUNCHER_MAX_RESPONSE_BYTES),
      site,
      machineId: options.machineId ?? hostname(),
      clock: options.clock,
      signal: run.signal,
      onApprovalLink: run.onApprovalLink,
      timing: options.timing,
    });
    if (!signedIn.ok) return { ok: false, failure: screenFailure(signedIn.failure, []) };
    const read = await readSignedInPerson(transportFor(run.signal, PERSON_MAX_RESPONSE_BYTES), site, signedIn.session);
    if (run.signal?.aborted) return { ok: false, failure: { kind: 'launcher-cancelled' } };
    return read.ok ? { ok: true, person: read.value } : read;
  }
}
