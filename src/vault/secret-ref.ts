/**
 * What a keychain entry is for, and how that is written into the entry's account name.
 *
 * Every Gridpass entry lives under one service name (`Gridpass`) and has the account name
 * `<kind>:<host>:<login>`, for example `passphrase:studio.shotgrid.autodesk.com:jane.doe`:
 * - kind: `passphrase`, `pat` (personal access token, only when the person opts in),
 *   `script-key` (an API script's key, kept for support staff; `login` is then the script name) or
 *   `session` (the login's ShotGrid session token, which pipeline tools read through `gridpass session`
 *   or Python's `keyring` under this same service and account name);
 * - host: the site's `host[:port]`, written lower-case;
 * - login: as typed.
 * `%` and `:` inside host and login are written `%25` and `%3A`, so the three parts always split
 * back apart. Anything else under the service name is not Gridpass's and is left alone.
 */
const secretKinds = ['passphrase', 'pat', 'script-key', 'session'] as const;
export type SecretKind = (typeof secretKinds)[number];

export interface SecretRef {
  kind: SecretKind;
  host: string;
  login: string;
}

const MAX_HOST_LENGTH = 300;
const MAX_LOGIN_LENGTH = 256;

export function escapeNamePart(text: string): string {
  return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

export function unescapeNamePart(text: string): string {
  return text.replace(/%3A/g, ':').replace(/%25/g, '%');
}

export function encodeAccountName(ref: SecretRef): string {
  return `${ref.kind}:${escapeNamePart(ref.host.toLowerCase())}:${escapeNamePart(ref.login)}`;
}

/** The ref an account name stands for, or null when the name is not one Gridpass writes. */
export function decodeAccountName(name: string): SecretRef | null {
  const parts = name.split(':');
  if (parts.length !== 3) return null;
  const [kind, host, login] = parts as [string, string, string];
  if (!isSecretKind(kind)) return null;
  const ref: SecretRef = { kind, host: unescapeNamePart(host), login: unescapeNamePart(login) };
  if (secretRefProblem(ref) !== null) return null;
  // Only the canonical spelling counts, so one entry never has two names.
  return encodeAccountName(ref) === name ? ref : null;
}

function isSecretKind(value: string): value is SecretKind {
  return (secretKinds as readonly string[]).includes(value);
}

/** Why a ref cannot name an entry, in words, or null when it can. */
export function secretRefProblem(ref: SecretRef): string | null {
  if (!isSecretKind(ref.kind)) return 'The kind of secret is not one Gridpass keeps.';
  if (ref.host.length === 0 || ref.host.length > MAX_HOST_LENGTH) return 'The site host is empty or too long.';
  if (ref.login.length === 0 || ref.login.length > MAX_LOGIN_LENGTH) return 'The login is empty or too long.';
  if (/[\u0000-\u001f\u007f]/.test(ref.host + ref.login)) return 'The site host or login contains control characters.';
  return null;
}

/** Sort order for listings: host, then login, then kind in the order of `secretKinds`. */
export function compareSecretRefs(a: SecretRef, b: SecretRef): number {
  return (
    compareText(a.host, b.host) ||
    compareText(a.login, b.login) ||
    secretKinds.indexOf(a.kind) - secretKinds.indexOf(b.kind)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
