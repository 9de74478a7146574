import type { NetworkFailure } from '../net/network-failure';

/**
 * Why a browser sign-in (App Session Launcher) ended without a session. Each kind becomes one finding;
 * requests that never got an HTTP answer keep the client's network failures and their findings.
 */
export type LauncherFailure =
  /** 403 with JSON on the request: the site has the feature switched off. */
  | { kind: 'launcher-off'; serverMessage: string }
  /** 404 on a poll: the person denied the request, or the site forgot it (unknown or expired). */
  | { kind: 'launcher-rejected' }
  /** Nobody approved within the wait (180 s, as tk-core). */
  | { kind: 'launcher-timeout'; afterMs: number }
  | { kind: 'launcher-cancelled' }
  | { kind: 'launcher-redirect'; status: number; location: string | null }
  /** 5xx on every one of the bounded tries. */
  | { kind: 'launcher-unstable'; status: number; attempts: number }
  /** Any other status the launcher does not send (400, 401, 405, an HTML 404...). */
  | { kind: 'launcher-refused'; status: number; detail: string }
  /** Not JSON, cut off, over the size limit, or JSON without the fields the protocol promises. */
  | { kind: 'launcher-bad-reply'; detail: string };

export type BrowserSignInFailure = LauncherFailure | NetworkFailure;

export function isLauncherFailure(failure: { kind: string }): failure is LauncherFailure {
  return failure.kind.startsWith('launcher-');
}
