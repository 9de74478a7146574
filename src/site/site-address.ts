/** A site address as Gridpass uses it: always an origin, never a path. */
export interface SiteAddress {
  /** `https://host[:port]`, lower-case, no trailing slash. */
  origin: string;
  host: string;
  port: number | null;
  /** Loopback sites (the practice site) may use plain http. */
  isLoopback: boolean;
}

export type SiteAddressError =
  | { kind: 'empty'; message: string }
  | { kind: 'too-long'; message: string }
  | { kind: 'unsupported-scheme'; scheme: string; message: string }
  | { kind: 'credentials'; message: string }
  | { kind: 'space-in-host'; message: string }
  | { kind: 'invalid-host'; message: string }
  | { kind: 'invalid-port'; message: string };

export type SiteAddressResult = { ok: true; site: SiteAddress } | { ok: false; error: SiteAddressError };
