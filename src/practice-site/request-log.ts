/** Which kind of credential a request carried; `bearer` is a REST access token from the token endpoint. */
export type AuthKind = 'none' | 'password' | 'script' | 'session' | 'refresh' | 'bearer' | 'control';

/** How the site answered. */
export type RequestOutcome =
  | { kind: 'ok' }
  /** An API3 fault (HTTP 200 with `exception: true`). */
  | { kind: 'fault'; errorCode: number }
  /** A REST or ASL refusal, or any other HTTP error status the site chose. */
  | { kind: 'http-error'; status: number; code: number | null }
  /** A transport fault switch answered instead of the site. */
  | { kind: 'transport-fault'; fault: string };

/**
 * One request as the site saw it. Names who asked (a login or a script name) but never what they
 * proved it with: no passphrase, key, 2FA code or token is ever recorded.
 */
export interface RequestLogEntry {
  at: Date;
  /** The API3 `method_name` (e.g. `read`) or the HTTP route (e.g. `POST /api/v1/auth/access_token`). */
  call: string;
  authKind: AuthKind;
  /** The login or script name the credentials were for, when known. */
  principal: string | null;
  /** The `sudo_as_login` asked for, if any. */
  sudoAs: string | null;
  outcome: RequestOutcome;
}

const CREDENTIALED: ReadonlySet<AuthKind> = new Set(['password', 'script', 'session', 'refresh', 'bearer']);

/** Everything the site was asked, so tests can count the logins a client made (it must never retry them). */
export class RequestLog {
  private readonly items: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.items.push(entry);
  }

  entries(): readonly RequestLogEntry[] {
    return [...this.items];
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Requests that carried credentials, optionally only those for one login or script name. */
  credentialedCount(principal?: string): number {
    const wanted = principal?.toLowerCase();
    return this.items.filter(
      (entry) => CREDENTIALED.has(entry.authKind) && (wanted === undefined || entry.principal?.toLowerCase() === wanted),
    ).length;
  }
}
