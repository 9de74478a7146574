import type { FetchLike } from '../net/fetch-like';
import type { SiteAddress } from '../site/site-address';
import type { Outcome } from './failure';
import type { LoginMethod } from './login-method';

/** What `info` says about a site, without credentials. */
export interface SiteInfo {
  version: readonly [number, number, number];
  fullVersion: readonly number[] | null;
  /** `null` when the server sent a method Gridpass does not know; `rawLoginMethod` keeps what it sent. */
  loginMethod: LoginMethod | null;
  rawLoginMethod: string | null;
  unifiedLoginFlow: boolean;
  appSessionLauncher: boolean;
  /** The server's `Date` header, for clock-skew checks. */
  serverDate: Date | null;
}

/** The artist's own HumanUser record, read with their own credentials. */
export interface HumanUserRecord {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  /** `sg_status_list`, e.g. `act`. */
  status: string | null;
  permissionGroup: string | null;
}

export interface UserLoginCredentials {
  login: string;
  passphrase: string;
  /** One-time 2FA or backup code; single use. */
  twoFactorCode?: string;
}

export interface ScriptKeyCredentials {
  scriptName: string;
  scriptKey: string;
  /** Prove that the script may act as this HumanUser. */
  sudoAsLogin?: string;
}

/** A saved web session (from 2FA or the App Session Launcher) and whose it is: API3 has no "who am I". */
export interface SessionTokenCredentials {
  login: string;
  sessionToken: string;
}

/** A login swapped for a session token that the site has just accepted. */
export interface OpenedSession {
  user: HumanUserRecord;
  sessionToken: string;
}

export interface VerifiedScriptKey {
  scriptName: string;
  apiUserId: number | null;
  sudoAs: HumanUserRecord | null;
}

export interface CallOptions {
  /** Overrides the client's default timeout for this call. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * The site's `info`, when the caller probed it moments ago: a login's verification or a new session
   * then skips its own probe, so the wizard's check of a login stays at two round trips (probe, then one
   * credentialed call). A session check sends no probe first anyway.
   */
  alreadyProbed?: SiteInfo;
}

/** A use case's options for a call: its timeout when it sets one, and the site's `info` when it has just probed. */
export function callOptions(timeoutMs: number | undefined, alreadyProbed: SiteInfo | null = null): CallOptions {
  return { ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(alreadyProbed === null ? {} : { alreadyProbed }) };
}

/**
 * The ShotGrid API3 client. Calls that carry credentials are never retried: ten failures lock an
 * account for an hour.
 */
export interface ShotgridClient {
  probe(site: SiteAddress, options?: CallOptions): Promise<Outcome<SiteInfo>>;
  verifyLogin(site: SiteAddress, credentials: UserLoginCredentials, options?: CallOptions): Promise<Outcome<HumanUserRecord>>;
  verifyScriptKey(site: SiteAddress, credentials: ScriptKeyCredentials, options?: CallOptions): Promise<Outcome<VerifiedScriptKey>>;
  /** One read with the token; `info` only to explain an answer that was not a ShotGrid reply. */
  verifySessionToken(site: SiteAddress, credentials: SessionTokenCredentials, options?: CallOptions): Promise<Outcome<HumanUserRecord>>;
  /** `get_session_token` with the passphrase (and a 2FA code), then one read with the new session. */
  openSession(site: SiteAddress, credentials: UserLoginCredentials, options?: CallOptions): Promise<Outcome<OpenedSession>>;
}

export interface ShotgridClientOptions {
  fetch: FetchLike;
  /** `gridpass/<version> (<os>)`. */
  userAgent: string;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Pause before the one retry of `info` after a 502/504. */
  probeRetryDelayMs?: number;
}
