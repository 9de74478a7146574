/**
 * Whether NO_PROXY exempts `host`: the one matcher that both routes the CLI's requests and lets the
 * diagnosis say which way a request goes. The rules are curl's and undici's: entries separated by commas
 * or blanks, case-insensitive; `*` for everything; a leading `.` or `*.` for a domain and its
 * subdomains, as does a bare domain; an optional `:port`; IPv6 addresses bracketed (`[::1]`,
 * `[::1]:8080`) or bare (`::1`, a bare entry with several colons has no port); a trailing dot ignored.
 */
export function isExemptFromProxy(host: string, port: number, noProxy: string | null): boolean {
  if (noProxy === null) return false;
  const target = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return noProxy
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .some((entry) => entryMatches(entry, target, port));
}

function entryMatches(entry: string, host: string, port: number): boolean {
  if (entry === '*') return true;
  const { name, entryPort } = splitEntry(entry);
  if (entryPort !== null && entryPort !== port) return false;
  const domain = name.replace(/^\*?\./, '').replace(/\.$/, '');
  if (domain === '') return false;
  return host === domain || host.endsWith(`.${domain}`);
}

/** `[v6]:port`, `name:port`, or a bare name; an unbracketed entry with several colons is an IPv6 address. */
function splitEntry(entry: string): { name: string; entryPort: number | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed !== null) return { name: bracketed[1] ?? '', entryPort: bracketed[2] === undefined ? null : Number(bracketed[2]) };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort !== null) return { name: withPort[1] ?? '', entryPort: Number(withPort[2]) };
  return { name: entry, entryPort: null };
}
