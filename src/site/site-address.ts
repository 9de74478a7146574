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

type SiteAddressResult = { ok: true; site: SiteAddress } | { ok: false; error: SiteAddressError };

const MAX_SITE_ADDRESS_LENGTH = 2048;

/** Where a bare site name (`mystudio`) lives since the 2021 rename. */
const DEFAULT_SITE_DOMAIN = 'shotgrid.autodesk.com';

const EXAMPLE = 'yourstudio.shotgrid.autodesk.com';
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
/** How much of what the person typed an error message may quote back. */
const MAX_QUOTED = 60;

type Scheme = 'http' | 'https';

/**
 * Turns whatever a person pasted (a bare name, a host, a full page URL) into a site origin, or says in
 * plain words why it cannot be one. Never echoes a password typed into the address.
 */
export function parseSiteAddress(input: string): SiteAddressResult {
  if (input.length > MAX_SITE_ADDRESS_LENGTH) {
    return fail('too-long', `That is too long to be a site address (over ${MAX_SITE_ADDRESS_LENGTH} characters). Enter just the address, for example ${EXAMPLE}.`);
  }
  const text = input.trim();
  if (text === '') {
    return fail('empty', `Enter your site address, for example ${EXAMPLE}.`);
  }

  const split = splitScheme(text);
  if (!split.ok) return split;
  const { scheme, rest } = split;

  const authority = rest.split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@')) {
    return fail('credentials', 'Leave your login and password out of the site address: Gridpass asks for them separately. Enter just the address, for example ' + EXAMPLE + '.');
  }
  if (/\s/.test(authority)) {
    return fail('space-in-host', `The site address has a space in it. Remove the space: addresses look like ${EXAMPLE}.`);
  }
  if (authority === '') {
    return invalidHost('', 'there is no host name in it');
  }

  const hostPort = splitHostPort(authority);
  if (!hostPort.ok) return hostPort;
  return buildSite(scheme, hostPort.host, hostPort.port);
}

/**
 * For addresses that are already origins (saved settings, test servers). Throws on anything else,
 * because a bad origin here is a programming error, not user input.
 */
export function siteFromOrigin(origin: string): SiteAddress {
  const result = parseSiteAddress(origin);
  if (!result.ok) {
    throw new TypeError(`Not a site origin: ${result.error.message}`);
  }
  if (result.site.origin !== origin) {
    throw new TypeError(`Not a normalised site origin: expected ${result.site.origin}`);
  }
  return result.site;
}

type SchemeSplit = { ok: true; scheme: Scheme | null; rest: string } | { ok: false; error: SiteAddressError };

/**
 * `host:port` and `scheme:` look alike, so a leading word is a scheme only when `//` follows it, when
 * it is a scheme people paste by mistake, or when what follows the colon cannot be a port.
 */
function splitScheme(text: string): SchemeSplit {
  const withSlashes = /^([a-z][a-z0-9+-]*):\/\/?(.*)$/is.exec(text);
  if (withSlashes && withSlashes[1]?.toLowerCase() !== 'localhost') {
    return schemeOrRefusal(withSlashes[1] ?? '', withSlashes[2] ?? '');
  }
  if (text.startsWith('//')) {
    return { ok: true, scheme: null, rest: text.slice(2) };
  }
  const bare = /^([a-z][a-z0-9+-]*):(.*)$/is.exec(text);
  if (bare) {
    const word = (bare[1] ?? '').toLowerCase();
    const after = bare[2] ?? '';
    if (word === 'http' || word === 'https') {
      return { ok: true, scheme: word, rest: after };
    }
    if (pastedSchemes.has(word)) {
      return refuseScheme(word);
    }
    const looksLikeHostPort = word === 'localhost' || /^\d/.test(after) || after === '' || after.includes('@');
    if (!looksLikeHostPort) {
      return refuseScheme(word);
    }
  }
  return { ok: true, scheme: null, rest: text };
}

/** Schemes that arrive without `//` when someone pastes a link target or a bookmarklet. */
const pastedSchemes = new Set(['javascript', 'data', 'mailto', 'file', 'vbscript', 'about', 'blob', 'tel', 'view-source', 'chrome', 'ftp', 'sftp', 'ssh', 'smb', 'ws', 'wss']);

function schemeOrRefusal(rawScheme: string, rest: string): SchemeSplit {
  const scheme = rawScheme.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    return { ok: true, scheme, rest };
  }
  return refuseScheme(scheme);
}

function refuseScheme(scheme: string): { ok: false; error: SiteAddressError } {
  const shown = quote(scheme);
  return {
    ok: false,
    error: {
      kind: 'unsupported-scheme',
      scheme: shown,
      message: `Site addresses start with https://, not ${shown}:. Use the address you open the site with in your browser, for example https://${EXAMPLE}.`,
    },
  };
}

type HostPort = { ok: true; host: string; port: number | null } | { ok: false; error: SiteAddressError };

function splitHostPort(authority: string): HostPort {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) {
      return invalidHost(authority, 'the closing ] of the IPv6 address is missing');
    }
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      return invalidHost(authority, 'there is text after the IPv6 address');
    }
    const port = after === '' ? { ok: true as const, port: null } : parsePort(after.slice(1));
    if (!port.ok) return port;
    return { ok: true, host: authority.slice(0, close + 1), port: port.port };
  }
  const colons = authority.split(':').length - 1;
  if (colons > 1) {
    return invalidHost(authority, 'IPv6 addresses must be written in brackets, like [::1]');
  }
  const [host = '', portText] = authority.split(':');
  const port = portText === undefined ? { ok: true as const, port: null } : parsePort(portText);
  if (!port.ok) return port;
  return { ok: true, host, port: port.port };
}

function parsePort(text: string): { ok: true; port: number } | { ok: false; error: SiteAddressError } {
  const value = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= 65535)) {
    const shown = text === '' ? 'after the colon is missing' : `"${quote(text)}" is not valid`;
    return {
      ok: false,
      error: { kind: 'invalid-port', message: `The port ${shown}: use a number from 1 to 65535, or leave the port out.` },
    };
  }
  return { ok: true, port: value };
}

function buildSite(typedScheme: Scheme | null, rawHost: string, typedPort: number | null): SiteAddressResult {
  const host = canonicalHost(rawHost);
  if (!host.ok) return host;

  const isLoopback = isLoopbackHost(host.host);
  // A bare loopback address is the practice site, which speaks plain http.
  const requested: Scheme = typedScheme ?? (isLoopback ? 'http' : 'https');
  const withoutDefaultPort = typedPort === defaultPort(requested) ? null : typedPort;
  const scheme: Scheme = isLoopback ? requested : 'https';
  const port = withoutDefaultPort === defaultPort(scheme) ? null : withoutDefaultPort;

  const origin = `${scheme}://${host.host}${port === null ? '' : `:${port}`}`;
  return { ok: true, site: { origin, host: host.host, port, isLoopback } };
}

function defaultPort(scheme: Scheme): number {
  return scheme === 'https' ? 443 : 80;
}

function canonicalHost(raw: string): { ok: true; host: string } | { ok: false; error: SiteAddressError } {
  if (raw.startsWith('[')) {
    return canonicalIpv6(raw);
  }
  // A trailing dot is how sentences end, and also the fully-qualified spelling of the same host.
  const host = raw.toLowerCase().replace(/\.$/, '');
  if (host === '') {
    return invalidHost(raw, 'there is no host name in it');
  }
  if (host.length > MAX_HOST_LENGTH) {
    return invalidHost(raw, `host names have at most ${MAX_HOST_LENGTH} characters`);
  }
  if (/[^a-z0-9.-]/.test(host)) {
    return invalidHost(raw, 'host names use only letters, digits, hyphens and dots');
  }
  const labels = host.split('.');
  const problem = labels.map(labelProblem).find((found) => found !== null);
  if (problem) {
    return invalidHost(raw, problem);
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '') && !isIpv4(host)) {
    return invalidHost(raw, 'it is not a valid IP address');
  }
  if (labels.length === 1 && host !== 'localhost') {
    return { ok: true, host: `${host}.${DEFAULT_SITE_DOMAIN}` };
  }
  return { ok: true, host };
}

function labelProblem(label: string): string | null {
  if (label === '') return 'it has an empty part between dots';
  if (label.length > MAX_LABEL_LENGTH) return `each part between dots has at most ${MAX_LABEL_LENGTH} characters`;
  if (label.startsWith('-') || label.endsWith('-')) return 'a part between dots starts or ends with a hyphen';
  return null;
}

function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

function canonicalIpv6(raw: string): { ok: true; host: string } | { ok: false; error: SiteAddressError } {
  try {
    // The WHATWG parser validates and compresses IPv6 literals the way browsers do.
    const { hostname } = new URL(`http://${raw}/`);
    if (hostname.startsWith('[')) {
      return { ok: true, host: hostname };
    }
  } catch {
    // Falls through to the refusal below.
  }
  return invalidHost(raw, 'it is not a valid IPv6 address');
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || (isIpv4(host) && host.startsWith('127.'));
}

function invalidHost(raw: string, reason: string): { ok: false; error: SiteAddressError } {
  const shown = raw === '' ? 'The site address' : `"${quote(raw)}"`;
  return {
    ok: false,
    error: { kind: 'invalid-host', message: `${shown} is not a valid site address: ${reason}. Addresses look like ${EXAMPLE}.` },
  };
}

function quote(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

function fail(kind: 'empty' | 'too-long' | 'credentials' | 'space-in-host', message: string): SiteAddressResult {
  return { ok: false, error: { kind, message } };
}

/**
 * The shortest `--site` that names the same site, for commands Gridpass tells people to run: the host
 * (and port) for https, the whole origin otherwise (plain http is only for loopback practice sites).
 */
export function siteArgumentFor(origin: string): string {
  return origin.startsWith('https://') ? origin.slice('https://'.length) : origin;
}
