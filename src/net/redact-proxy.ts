/**
 * A proxy address fit for a report: any user name and password removed. Everything up to the last `@`
 * goes, because proxy passwords may contain `@` and `/` (Python's ShotGrid API splits at the last `@`
 * too), and a proxy address has no path where an `@` could legitimately appear.
 */
export function redactProxy(value: string): string {
  const trimmed = value.trim();
  const schemeEnd = trimmed.indexOf('://');
  const authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
  const at = trimmed.lastIndexOf('@');
  if (at < authorityStart) {
    return trimmed;
  }
  return trimmed.slice(0, authorityStart) + trimmed.slice(at + 1);
}
