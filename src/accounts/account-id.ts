/**
 * Where a saved account's identity comes from: the site's `host[:port]` and the login. The id is
 * stable (re-saving a login keeps it) and reversible, so a forget request can clean the keychain
 * even when the metadata is already gone.
 */
import { escapeNamePart, unescapeNamePart } from '../vault/secret-ref';

export interface AccountKey {
  host: string;
  login: string;
}

/** `host:login`, with `%` and `:` escaped as in keychain account names. */
export function accountIdFor(host: string, login: string): string {
  return `${escapeNamePart(host.toLowerCase())}:${escapeNamePart(login)}`;
}

export function parseAccountId(id: string): AccountKey | null {
  const parts = id.split(':');
  if (parts.length !== 2) return null;
  const [host, login] = parts as [string, string];
  const key = { host: unescapeNamePart(host), login: unescapeNamePart(login) };
  if (key.host === '' || key.login === '') return null;
  return accountIdFor(key.host, key.login) === id ? key : null;
}

type SiteOrigin = { ok: true; origin: string; host: string } | { ok: false; message: string };

/** The origin and `host[:port]` of a site address that is already an http(s) URL. */
export function siteOrigin(site: string): SiteOrigin {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return { ok: false, message: 'The site address is not a web address.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The site address must start with https://.' };
  }
  return { ok: true, origin: url.origin, host: url.host.toLowerCase() };
}
