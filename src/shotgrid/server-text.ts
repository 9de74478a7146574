import { containsSecret, createRedactor, redactDeep } from '../redaction/redact';
import { terminalSafe } from '../text/terminal-safe';
import type { Failure } from './failure';
import type { HumanUserRecord } from './shotgrid-client';

/**
 * Whatever a server said reaches people only through here: a bounded excerpt, control characters and
 * escape sequences removed, request echoes cut out and the run's secrets masked. Kept as data (a
 * person's name) it must not show a secret at all.
 */
export const MAX_SERVER_TEXT_CHARS = 500;

type Secrets = readonly (string | undefined)[];

/** One piece of server text, as Gridpass may show or keep it. */
export function serverExcerpt(text: string, secrets: Secrets = []): string {
  return createRedactor(secrets, { fragments: true })(terminalSafe(bound(text)));
}

/** Every text field of a failure made a server excerpt. Gridpass's own texts pass through unchanged. */
export function screenFailure<F extends Failure | { kind: `launcher-${string}` }>(failure: F, secrets: Secrets): F {
  const redact = createRedactor(secrets, { fragments: true });
  // The kind is Gridpass's own word, never server text: a secret that shares a fragment with it
  // (a passphrase with "session-" in it) must not turn a failure into one no code knows.
  return { ...redactDeep(failure, (text) => redact(terminalSafe(bound(text)))), kind: failure.kind };
}

/**
 * The person's record as the site described it, without any value that shows a secret (a site that
 * echoes the request as the person's name): such a value is dropped, the login replaced by the one given.
 */
export function screenHumanUser(record: HumanUserRecord, givenLogin: string, secrets: Secrets): HumanUserRecord {
  const keep = (value: string | null): string | null => {
    if (value === null) return null;
    const safe = terminalSafe(value);
    return safe.length > MAX_SERVER_TEXT_CHARS || containsSecret(safe, secrets) || containsSecret(value, secrets) ? null : safe;
  };
  return {
    id: record.id,
    login: keep(record.login) ?? givenLogin,
    name: keep(record.name),
    email: keep(record.email),
    status: keep(record.status),
    permissionGroup: keep(record.permissionGroup),
  };
}

function bound(text: string): string {
  return text.length <= MAX_SERVER_TEXT_CHARS ? text : `${text.slice(0, MAX_SERVER_TEXT_CHARS - 1)}…`;
}
