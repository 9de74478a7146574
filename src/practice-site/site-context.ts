import type { LoginMethod } from '../shotgrid/login-method';
import type { AccountBook } from './account-book';
import type { Gatekeeper } from './gatekeeper';
import type { AuthKind, RequestLog, RequestOutcome } from './request-log';
import type { SessionStore } from './session-store';
import type { SiteIdentity } from './site-info';

/** How a site answers where live sites are known to differ, or where no capture settles it. */
interface ReplyStyle {
  /** API3 error for a password login on `oxygen` without a passphrase or a bound PAT. */
  noPatReply: 'api3-102' | 'api3-110';
  /** REST status for the same: 400 "Can't authenticate user" or 401 "Unauthorized". */
  restNoPatReply: 400 | 401;
  /** Wrap API3 `info` in `results` (bare by default, like the caching proxies that mimic it). */
  infoWrapped: boolean;
  /** Wrap `get_session_token`'s `session_id` in `results` (wrapped by default). */
  sessionWrapped: boolean;
}

/** What every endpoint of one running practice site shares. */
export interface SiteContext {
  method: LoginMethod;
  identity: SiteIdentity;
  /** `host[:port]` as clients address the site: the JWT `iss` and `aud`. */
  host: string;
  /** The site's origin, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  book: AccountBook;
  sessions: SessionStore;
  gatekeeper: Gatekeeper;
  log: RequestLog;
  style: ReplyStyle;
  clock: () => Date;
  /** Signs this instance's REST tokens; random per instance. */
  jwtSecret: Buffer;
}

/** Adds one request to the site's log, stamped with the site's clock. */
export function logRequest(
  context: SiteContext, call: string, authKind: AuthKind, principal: string | null, sudoAs: string | null, outcome: RequestOutcome,
): void {
  context.log.record({ at: context.clock(), call, authKind, principal, sudoAs, outcome });
}
