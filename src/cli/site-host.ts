import type { SiteAddress } from '../site/site-address';

/** `host[:port]`, the key saved accounts and keychain entries are filed under. */
export function siteHostKey(site: SiteAddress): string {
  return new URL(site.origin).host.toLowerCase();
}
