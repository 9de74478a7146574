/**
 * Browser sign-in for the app (App Session Launcher, protocol §5.4): started from the window, run in main,
 * watched through `sign-in-progress` events and read back with `browserSignInStatus`. The session token
 * never leaves the client's `identify` call; what this service keeps is the person (public fields only)
 * and the finding, for the window and for a login check that follows.
 */
import { findingFor, type FindingContext } from '../diagnosis/finding-catalogue';
import type { SignedInFacts } from '../diagnosis/finding-context';
import { findingForFailure, wrongLoginFinding } from '../diagnosis/finding-for-failure';
import { findingForSignInFailure } from '../diagnosis/finding-for-sign-in';
import type { BrowserSignInView, Finding, SignedInPersonView, SimpleResponse } from '../ipc/contract';
import type { ApprovalLink, PollClock } from '../shotgrid/browser-sign-in';
import type { BrowserSignInClient, IdentifyResult } from '../shotgrid/browser-sign-in-client';
import type { Outcome } from '../shotgrid/failure';
import type { SiteInfo } from '../shotgrid/shotgrid-client';
import type { SignedInPerson } from '../shotgrid/signed-in-person';
import { parseSiteAddress, type SiteAddress } from '../site/site-address';
import { ExpiringMap } from './expiring-map';

interface BrowserSignInDeps {
  client: BrowserSignInClient;
  probe: (site: SiteAddress) => Promise<Outcome<SiteInfo>>;
  findingContext: (partial: Pick<FindingContext, 'loginMethod' | 'site' | 'login'>) => FindingContext;
  /** Opens the approval page through main's link policy. */
  openExternal: (url: string) => Promise<SimpleResponse>;
  /** Signing in to a site is choosing it: its pages (the approval page among them) may then be opened. */
  chooseSite: (origin: string) => void;
  /** A sign-in changed state: the window asks for its view. */
  onProgress: (signInId: string) => void;
  clock: PollClock;
}

type RunState =
  | { state: 'starting' }
  | { state: 'waiting'; link: ApprovalLink; browser: SimpleResponse | null }
  | { state: 'approved'; person: SignedInPerson }
  | { state: 'failed'; finding: Finding };

interface SignInRun {
  site: SiteAddress;
  info: SiteInfo;
  /** The login typed or saved before the sign-in, if any: a different person's login is said at once. */
  login: string | null;
  controller: AbortController;
  state: RunState;
}

/** The check of what was typed against who signed in, before a password is sent. */
type SignedInCheck = { ok: true; signedIn: SignedInFacts } | { ok: false; finding: Finding };

type StartResponse = { ok: true; signInId: string } | { ok: false; finding: Finding };

/** An approved person is kept this long for the login check that follows (passphrase steps take a while). */
const approvedLifetimeMs = 30 * 60_000;

export function createBrowserSignInService(deps: BrowserSignInDeps) {
  const runs = new ExpiringMap<SignInRun>(approvedLifetimeMs, deps.clock.now);

  const contextOf = (run: Pick<SignInRun, 'site' | 'info'>, login: string | null = null): FindingContext =>
    deps.findingContext({ loginMethod: run.info.loginMethod, site: run.site, login });

  function settle(signInId: string, run: SignInRun, result: IdentifyResult): void {
    run.state = result.ok
      ? { state: 'approved', person: result.person }
      : { state: 'failed', finding: findingForSignInFailure(result.failure, contextOf(run, run.login)) };
    deps.onProgress(signInId);
  }

  async function showApprovalPage(signInId: string, run: SignInRun, link: ApprovalLink): Promise<void> {
    const waiting: RunState = { state: 'waiting', link, browser: null };
    run.state = waiting;
    deps.onProgress(signInId);
    const opened = await deps.openExternal(link.url);
    // The approval may have come back while the browser was opening.
    if (run.state === waiting) {
      run.state = { ...waiting, browser: opened };
      deps.onProgress(signInId);
    }
  }

  /** Runs still waiting for their approval, by id. */
  const running = new Map<string, SignInRun>();

  function cancelRunning(): void {
    // One person at one window: a new sign-in replaces any that is still waiting.
    for (const run of running.values()) run.controller.abort();
  }

  function toView(signInId: string, run: SignInRun | undefined): BrowserSignInView {
    if (run === undefined) return { signInId, state: 'failed', finding: expired() };
    switch (run.state.state) {
      case 'starting':
        return { signInId, state: 'starting' };
      case 'waiting': {
        const secondsLeft = Math.max(0, Math.ceil((run.state.link.expiresAt - deps.clock.now()) / 1000));
        const browser = run.state.browser;
        return {
          signInId, state: 'waiting', approvalUrl: run.state.link.url, secondsLeft,
          browserOpened: browser === null ? null : browser.ok, browserProblem: browser !== null && !browser.ok ? browser.message : null,
        };
      }
      case 'approved': {
        const person = run.state.person;
        const loginMismatch = run.login === null ? null : wrongLoginFinding({ ...contextOf(run, run.login), signedIn: factsOf(person) });
        return { signInId, state: 'approved', person: toPersonView(person), loginMismatch };
      }
      case 'failed':
        return { signInId, state: 'failed', finding: run.state.finding };
    }
  }

  return {
    /** Opens a sign-in on a site whose `info` says the launcher is on; its progress follows as events. */
    async start(request: { site: string; login?: string | undefined }): Promise<StartResponse> {
      const parsed = parseSiteAddress(request.site);
      if (!parsed.ok) {
        return { ok: false, finding: findingFor('GP-INPUT-SITE', deps.findingContext({ loginMethod: null, site: null }), { inputMessage: parsed.error.message }) };
      }
      const site = parsed.site;
      const probed = await deps.probe(site);
      if (!probed.ok) return { ok: false, finding: findingForFailure(probed.failure, deps.findingContext({ loginMethod: null, site, login: null })) };
      const login = request.login?.trim() || null;
      if (!probed.value.appSessionLauncher) return { ok: false, finding: findingFor('GP-SIGNIN-OFF', contextOf({ site, info: probed.value }, login)) };
      cancelRunning();
      const run: SignInRun = { site, info: probed.value, login, controller: new AbortController(), state: { state: 'starting' } };
      const signInId = runs.put(run);
      running.set(signInId, run);
      deps.chooseSite(site.origin);
      void deps.client
        .identify(site, { signal: run.controller.signal, onApprovalLink: (link) => void showApprovalPage(signInId, run, link) })
        .then((result) => {
          running.delete(signInId);
          settle(signInId, run, result);
        });
      return { ok: true, signInId };
    },

    status(signInId: string): BrowserSignInView {
      return toView(signInId, runs.get(signInId));
    },

    /** Stops the wait; the sign-in then ends as cancelled (its event says so). */
    cancel(signInId: string): SimpleResponse {
      const run = runs.get(signInId);
      if (run === undefined) return { ok: false, message: 'That browser sign-in is no longer running.' };
      run.controller.abort();
      return { ok: true };
    },

    /**
     * Before a login is tried with the person a sign-in confirmed: the typed login must be theirs, else
     * nothing is sent and the finding names the right one.
     */
    checkLogin(signInId: string, siteOrigin: string, login: string): SignedInCheck {
      const run = runs.get(signInId);
      if (run === undefined || run.state.state !== 'approved' || run.site.origin !== siteOrigin) {
        return { ok: false, finding: expired() };
      }
      const signedIn = factsOf(run.state.person);
      const wrong = wrongLoginFinding({ ...contextOf(run, login), signedIn });
      return wrong === null ? { ok: true, signedIn } : { ok: false, finding: wrong };
    },

    /**
     * The person a sign-in confirmed on this site, for a diagnosis to be narrowed by: main's own record of the
     * approval, so nothing the window says about a person is ever taken for it.
     */
    confirmedPerson(signInId: string, siteOrigin: string): { ok: true; person: SignedInPerson } | { ok: false } {
      const run = runs.get(signInId);
      if (run === undefined || run.state.state !== 'approved' || run.site.origin !== siteOrigin) return { ok: false };
      return { ok: true, person: run.state.person };
    },

    /** Cancels what is running and forgets every person (quit, end of booking). */
    clear(): void {
      cancelRunning();
      running.clear();
      runs.clear();
    },
  };

  function expired(): Finding {
    return findingFor('GP-WIZARD-EXPIRED', deps.findingContext({ loginMethod: null, site: null }));
  }
}

function factsOf(person: SignedInPerson): SignedInFacts {
  return { login: person.login, name: person.name, status: person.status, lockedUntil: person.lockedUntil };
}

function toPersonView(person: SignedInPerson): SignedInPersonView {
  return { login: person.login, name: person.name, email: person.email, status: person.status };
}
