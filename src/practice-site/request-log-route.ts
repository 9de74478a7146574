import type { RequestLog, RequestLogEntry } from './request-log';

/** One log entry as `GET /__practice/log` sends it: the time as ISO text, nothing a client proved itself with. */
export interface RequestLogDocumentEntry extends Omit<RequestLogEntry, 'at'> {
  at: string;
}

/**
 * `GET /__practice/log`: the request log for tests and tools outside the site's process (a Python suite
 * counting password requests, a trainer watching a tool retry). `DELETE` empties it, so a test can count
 * from a known point. The entries name logins and script names only, never a secret.
 */
export function requestLogDocument(log: RequestLog): { entries: RequestLogDocumentEntry[] } {
  return { entries: log.entries().map((entry) => ({ ...entry, at: entry.at.toISOString() })) };
}
