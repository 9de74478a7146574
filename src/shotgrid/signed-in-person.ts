import type { SiteAddress } from '../site/site-address';
import { callApi3 } from './api3-call';
import { firstEntity, readOneRequest } from './api3-read';
import type { BrowserSession } from './browser-sign-in';
import type { Checked } from './checked';
import { HUMAN_USER_FIELDS, toHumanUserRecord } from './human-user';
import type { HumanUserRecord } from './shotgrid-client';
import { screenFailure, screenHumanUser } from './server-text';
import type { Transport } from './transport';

/**
 * Who approved a browser sign-in, read from their own HumanUser record. Only public fields: this is what
 * may be shown in the window, printed by `gridpass whoami` and put into a report.
 */
export interface SignedInPerson extends HumanUserRecord {
  /** ISO time of `locked_until`; `null` when not locked (or never locked). */
  lockedUntil: string | null;
  /** Some sites do not let a person read their own `locked_until`; then nothing is known about a lock. */
  lockedUntilReadable: boolean;
}

const PERSON_FIELDS = [...HUMAN_USER_FIELDS, 'locked_until'] as const;

/**
 * One API3 `read` of the person's own record with the session the browser approved. Unlike a password check
 * it does not insist the account is active: telling an inactive person so is the point. The session token
 * is redacted from anything the site may have echoed back.
 */
export async function readSignedInPerson(transport: Transport, site: SiteAddress, session: BrowserSession): Promise<Checked<SignedInPerson>> {
  const auth = { session_token: session.sessionToken, reject_if_expired: true };
  const request = readOneRequest({
    entityType: 'HumanUser', field: 'login', value: session.login, returnFields: PERSON_FIELDS, auth, faultContext: { sessionToken: true },
  });
  const called = await callApi3(transport, site, request);
  if (!called.ok) return { ok: false, failure: screenFailure(called.failure, [session.sessionToken]) };
  const found = firstEntity(called.results);
  if (!found.ok) return found;
  if (found.entity === null) {
    return { ok: false, failure: { kind: 'account-inactive', detail: `The site has no active HumanUser with the login "${session.login}".` } };
  }
  return { ok: true, value: screened(toPerson(found.entity, session.login), session) };
}

function toPerson(entity: Record<string, unknown>, login: string): SignedInPerson {
  const lockedUntilReadable = Object.hasOwn(entity, 'locked_until');
  return {
    ...toHumanUserRecord(entity, login),
    lockedUntil: lockedUntilReadable ? isoTime(entity.locked_until) : null,
    lockedUntilReadable,
  };
}

/** A site that echoes the request could put the token into a name: such a value is dropped. */
function screened(person: SignedInPerson, session: BrowserSession): SignedInPerson {
  return { ...person, ...screenHumanUser(person, session.login, [session.sessionToken]) };
}

function isoTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}
