import { randomBytes } from 'node:crypto';
import type { Principal } from './principal';

/** "Usually 24 hours" (tk-core docs); a live site measured now + 86400 s. */
export const DEFAULT_IDLE_WINDOW_SECONDS = 24 * 60 * 60;

/** A live site moves a session's expiry at most once every five minutes of use (measured: 300-305 s). */
const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

interface SessionRecord {
  principal: Principal;
  lastTouched: Date;
}

type SessionLookup =
  | { kind: 'live'; principal: Principal }
  | { kind: 'expired'; principal: Principal }
  | { kind: 'unknown' };

/** Web-app session ids: what `get_session_token` hands out and `session_token` logins spend. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  /** `idPrefix` goes before each id, e.g. `planted-session-` so a test can search its output for leaked ones. */
  constructor(private readonly idleWindowMs: number, private readonly idPrefix = '') {}

  /** A new session id: 32 lower-case hex characters, like a live site's (after the prefix, if any). */
  open(principal: Principal, now: Date): string {
    const id = `${this.idPrefix}${randomBytes(16).toString('hex')}`;
    this.sessions.set(id, { principal, lastTouched: now });
    return id;
  }

  /** Looks a session up and, if it is live, counts this as use that keeps it alive. */
  use(id: string, now: Date): SessionLookup {
    const record = this.sessions.get(id);
    if (record === undefined) return { kind: 'unknown' };
    if (this.isExpired(record, now)) return { kind: 'expired', principal: record.principal };
    this.touch(record, now);
    return { kind: 'live', principal: record.principal };
  }

  /**
   * Brings an expired session back, for API3 callers that do not send `reject_if_expired`. The flag's
   * name implies an expired session is otherwise accepted; what a live site does without it is UNVERIFIED.
   */
  revive(id: string, now: Date): void {
    const record = this.sessions.get(id);
    if (record !== undefined) record.lastTouched = now;
  }

  /**
   * Ends the sessions of one login (every session when `login` is null) as if their idle window had passed:
   * how a trainer or a test shows what a tool does with an expired session. Resolves how many it ended.
   */
  expire(login: string | null, now: Date): number {
    const wanted = login?.toLowerCase() ?? null;
    let ended = 0;
    for (const record of this.sessions.values()) {
      const owner = record.principal.type === 'HumanUser' ? record.principal.login.toLowerCase() : null;
      if (wanted !== null && owner !== wanted) continue;
      if (this.isExpired(record, now)) continue;
      record.lastTouched = new Date(now.getTime() - this.idleWindowMs - 1);
      ended++;
    }
    return ended;
  }

  private isExpired(record: SessionRecord, now: Date): boolean {
    return now.getTime() - record.lastTouched.getTime() > this.idleWindowMs;
  }

  private touch(record: SessionRecord, now: Date): void {
    if (now.getTime() - record.lastTouched.getTime() >= SESSION_TOUCH_INTERVAL_MS) record.lastTouched = now;
  }
}
