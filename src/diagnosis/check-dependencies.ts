import type { ShotgridClient } from '../shotgrid/shotgrid-client';
import type { SignedInPerson } from '../shotgrid/signed-in-person';
import type { SiteAddress } from '../site/site-address';
import type { EnvironmentFacts } from './environment-facts';

/** Why a keychain self-test failed, when the vault can tell; anything else reads as "unavailable". */
export type KeychainProblem = 'unavailable' | 'locked' | 'denied';

export type KeychainSelfTestResult =
  | { ok: true; backend: string; durationMs: number }
  | { ok: false; backend: string; message: string; fix: string; problem?: KeychainProblem };

export type ResolveHostResult = { ok: true; addresses: string[] } | { ok: false; code: string; message: string };
export type ConnectResult = { ok: true; ms: number } | { ok: false; code: string; message: string };
export type TlsHandshakeResult =
  | { ok: true; protocol: string; issuer: string; validTo: string }
  | { ok: false; code: string; message: string };

/** Every piece of I/O the checks do, injected so the app, the CLI and the tests each supply their own. */
export interface CheckDependencies {
  client: ShotgridClient;
  environment: EnvironmentFacts;
  /** null where there is no keychain to test (the check is then skipped). */
  keychainSelfTest: (() => Promise<KeychainSelfTestResult>) | null;
  resolveHost: (host: string) => Promise<ResolveHostResult>;
  connect: (host: string, port: number, timeoutMs: number) => Promise<ConnectResult>;
  tlsHandshake: (host: string, port: number, timeoutMs: number) => Promise<TlsHandshakeResult>;
  now: () => Date;
  /** Bound for each network step; defaults to `defaultRequestTimeoutMs`. */
  timeoutMs?: number;
  /**
   * This front end can confirm who the person is in the browser (`gridpass whoami`), so a refusal on a
   * site with the App Session Launcher offers it first. The app's window cannot yet.
   */
  offersBrowserSignIn?: boolean;
}

/** What to diagnose. Secrets here are used for one login attempt and never copied into results. */
export interface DiagnoseTarget {
  site: SiteAddress | null;
  login?: string;
  passphrase?: string;
  twoFactorCode?: string;
  /** Why the caller does not send the passphrase (e.g. it was refused last time), shown as the skip reason. */
  passphraseWithheld?: string;
  /** Refused logins this app has already caused for the login, for lockout advice. */
  failedLogins?: number;
  /**
   * Who the person confirmed they are in the browser (App Session Launcher), before any check ran: a login
   * that is surely refused (another person's login, an inactive or locked account) is then not sent at all,
   * and a refusal is narrowed to the causes that remain. Public fields only, never the session token.
   */
  signedIn?: SignedInPerson;
  /**
   * The command reads or writes the keychain (a saved login, saving one, keeping a session): a keychain
   * that cannot be reached fails the run. Otherwise it is a warning, and the verdict looks elsewhere.
   */
  needsKeychain?: boolean;
}

