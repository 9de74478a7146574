import type { LoginMethod } from '../shotgrid/login-method';
import type { SiteAddress } from '../site/site-address';
import type { NetworkStackInfo } from '../net/network-stack';

/** Which network code path made the request: the app's Chromium stack or the CLI's Node stack. */
type NetworkStack = NetworkStackInfo['stack'];

/** What kind of secret was being checked when a site refused it. */
type CredentialKind = 'passphrase' | 'script-key' | 'session-token';

/** What a finding is tailored to: the same failure means different things on different sites. */
export interface FindingContext {
  loginMethod: LoginMethod | null;
  site: SiteAddress | null;
  login?: string | null;
  /** Refused logins this app has caused for this account (ShotGrid locks after 10). */
  failedLogins?: number;
  /** Defaults to 'passphrase', the artist's own login. */
  credential?: CredentialKind;
  /** Unknown means the steps cover both the app and the command line tool. */
  networkStack?: NetworkStack;
  /** `process.platform` values: 'darwin', 'win32', 'linux'. */
  platform?: string;
  /**
   * Who the person is, when they confirmed it in the browser (App Session Launcher): a refused login is
   * then narrowed to the one cause that remains. Public fields only.
   */
  signedIn?: SignedInFacts;
  /** Whether the site offers browser sign-in: a refusal's first step then offers it to find the cause. */
  browserSignInOffered?: boolean;
  /** For "locked until 14:05 (in 42 minutes)"; the current time when left out. */
  now?: Date;
}

/** What a browser sign-in told about the person, as a refused login's diagnosis uses it. */
export interface SignedInFacts {
  login: string;
  name: string | null;
  status: string | null;
  lockedUntil: string | null;
}

/**
 * Particulars of one occurrence (the host that did not resolve, the server's own message...). Kept
 * apart from the context because they describe what happened, not where.
 */
export interface FindingFacts {
  host?: string;
  detail?: string;
  serverMessage?: string;
  status?: number;
  location?: string | null;
  pageTitle?: string | null;
  contentType?: string | null;
  limitBytes?: number;
  afterMs?: number;
  faultCode?: number;
  targetLogin?: string;
  rawLoginMethod?: string | null;
  skewSeconds?: number;
  keychainBackend?: string;
  keychainMessage?: string;
  keychainFix?: string;
  inputMessage?: string;
  /** Tries a request took before it gave up (browser sign-in). */
  attempts?: number;
  /** The person a browser sign-in confirmed (public fields only). */
  personName?: string | null;
  personLogin?: string;
  /** ISO time a lock ends, when the person's own record said so. */
  lockedUntil?: string;
}
