import type { NetworkFailure } from '../net/network-failure';

/**
 * Everything that can go wrong between Gridpass and a site, as data (a NetworkFailure, no HTTP answer at
 * all, is net/'s). The client never throws past its boundary: each problem becomes one of these, and the
 * diagnosis catalogue turns it into a finding.
 */

/** An HTTP answer came back, but not a usable ShotGrid reply. */
export type HttpFailure =
  | { kind: 'redirect'; status: number; location: string | null }
  | { kind: 'maintenance'; status: number }
  | { kind: 'http-error'; status: number; bodyExcerpt: string }
  | { kind: 'html'; status: number; pageTitle: string | null }
  | { kind: 'not-json'; status: number; contentType: string | null }
  | { kind: 'too-large'; limitBytes: number }
  | { kind: 'malformed'; detail: string };

/** The answer was JSON but not from a ShotGrid site (no `version` in `info`). */
type SiteFailure = { kind: 'not-shotgrid'; detail: string };

/** ShotGrid answered and refused. `serverMessage` is the server's own text, shown as is. */
export type AuthFailure =
  | { kind: 'auth-rejected'; code: 102 | 110; serverMessage: string }
  | { kind: 'two-factor-required'; serverMessage: string }
  | { kind: 'two-factor-rejected'; serverMessage: string }
  | { kind: 'sso-only'; serverMessage: string }
  | { kind: 'account-locked'; serverMessage: string }
  | { kind: 'account-inactive'; detail: string }
  | { kind: 'session-expired'; serverMessage: string }
  | { kind: 'sudo-refused'; targetLogin: string; serverMessage: string }
  | { kind: 'fault'; code: number; serverMessage: string };

export type Failure = NetworkFailure | HttpFailure | SiteFailure | AuthFailure;

/** Every kind of HttpFailure, so that a new one cannot be left out. */
const HTTP_FAILURE_KINDS: Readonly<Record<HttpFailure['kind'], true>> = {
  redirect: true, maintenance: true, 'http-error': true, html: true, 'not-json': true, 'too-large': true, malformed: true,
};

/** An HTTP answer came back but was no ShotGrid reply (not a network failure, nor a fault ShotGrid sent). */
export function isHttpFailure(failure: Failure): failure is HttpFailure {
  return Object.hasOwn(HTTP_FAILURE_KINDS, failure.kind);
}

/** A client result: the value or a typed failure, with the HTTP round trips it took (for the bench). */
export type Outcome<T> =
  | { ok: true; value: T; roundTrips: number }
  | { ok: false; failure: Failure; roundTrips: number };
