/**
 * The studio's managed configuration: one JSON file an IT admin puts on the machine (system-wide,
 * or next to the app in a studio-built installer) to preconfigure the site, the support contact
 * and the check interval. The file comes from outside the app, so it is validated field by field,
 * and a bad file is ignored with a notice that names the file and the field: it never stops the app.
 * An `extraAllowedHosts` entry that is not a plain host name is refused on its own, with a notice
 * naming it, and never cut down to the part that looks like one. The file is checked to be a small
 * regular file before it is read, so a huge file or a FIFO placed there cannot stall start-up.
 */
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import type { ManagedConfigView } from '../ipc/contract';
import { describeUnusable, readSmallFile } from '../settings/small-file';
import { parseSiteAddress } from '../site/site-address';

const MANAGED_CONFIG_FILE = 'managed.json';
const APP_MANAGED_CONFIG_FILE = 'gridpass-managed.json';
const MAX_FILE_BYTES = 64 * 1024;

interface ManagedConfigPlaces {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Directory of the app's executable (on Linux AppImage, of the .AppImage file itself). */
  executableDir: string | null;
  /** `process.resourcesPath` of a packaged app. */
  resourcesDir: string | null;
}

/** Where the file may be, strongest first: the system-wide file wins over one shipped with the app. */
export function managedConfigPaths(places: ManagedConfigPlaces): string[] {
  const paths: string[] = [];
  if (places.platform === 'win32') {
    const programData = places.env.ProgramData ?? places.env.PROGRAMDATA ?? 'C:\\ProgramData';
    paths.push(path.win32.join(programData, 'Gridpass', MANAGED_CONFIG_FILE));
  } else if (places.platform === 'darwin') {
    paths.push('/Library/Application Support/Gridpass/managed.json');
  } else {
    paths.push('/etc/gridpass/managed.json');
  }
  const join = places.platform === 'win32' ? path.win32.join : path.posix.join;
  // On macOS the executable sits inside the signed bundle; Contents/Resources is where a
  // studio-built installer adds the file before signing.
  const appDir = places.platform === 'darwin' ? places.resourcesDir : places.executableDir;
  if (appDir) paths.push(join(appDir, APP_MANAGED_CONFIG_FILE));
  return paths;
}

const hostNamePattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const hostEntryPattern = /^([^:]+)(?::(\d{1,5}))?$/;
// Before punycode: letters (any script), digits, dots and hyphens. Anything else (`/`, `\`, `@`, `?`,
// `#`, `%`, spaces) would be cut away by the URL parser inside domainToASCII, leaving a different host.
const hostCharacters = /^[\p{L}\p{M}\p{N}.-]+$/u;

/**
 * `host[:port]` as a browser address names it (`URL.host`), which is what the link policy compares:
 * international names in punycode, and no ":443", which an https address never shows. Null when
 * it is not a host name.
 */
function normalizedHost(entry: string): string | null {
  const match = hostEntryPattern.exec(entry.trim().toLowerCase());
  if (match === null || !hostCharacters.test(match[1] ?? '')) return null;
  const name = domainToASCII(match[1] ?? '');
  if (!hostNamePattern.test(name)) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port === null || port === 443) return name;
  return port >= 1 && port <= 65535 ? `${name}:${port}` : null;
}

const fieldRules = {
  studioName: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  site: z.string({ error: 'must be text (the site address, e.g. "mystudio.shotgrid.autodesk.com")' }).max(2048, 'must be at most 2048 characters'),
  siteLocked: z.boolean({ error: 'must be true or false' }),
  supportContact: z.string({ error: 'must be text (an email address, a phone number or a name)' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  helpUrl: z.string({ error: 'must be text (an https:// address)' }).max(2048, 'must be at most 2048 characters')
    .refine(isHttpsUrl, 'must be an https:// address'),
  checkIntervalHours: z.number({ error: 'must be a whole number from 1 to 168' })
    .int('must be a whole number from 1 to 168').min(1, 'must be a whole number from 1 to 168').max(168, 'must be a whole number from 1 to 168'),
  // Each entry is judged on its own below, so one bad entry is refused by name rather than ignoring the file.
  extraAllowedHosts: z.array(z.unknown(), { error: 'must be a list of host names, e.g. ["wiki.mystudio.com"]' })
    .max(50, 'may list at most 50 hosts'),
} as const;

const managedConfigSchema = z.object(fieldRules).partial().strict();

type ManagedConfigResult =
  /** `notices`: entries refused on their own; the rest of the file applies. */
  | { ok: true; config: ManagedConfigView; notices: string[] }
  | { ok: false; message: string };

/** Parses one file's text. `source` is the file's path, used in the view and in every message. */
export function parseManagedConfig(text: string, source: string): ManagedConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `${source}: not valid JSON (${(error as Error).message}).` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: `${source}: must contain one JSON object, e.g. {"site": "mystudio.shotgrid.autodesk.com"}.` };
  }
  const parsed = managedConfigSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `${source}: ${describeIssue(parsed.error.issues[0])}` };
  const fields = parsed.data;
  let site: string | null = null;
  if (fields.site !== undefined) {
    const address = parseSiteAddress(fields.site);
    if (!address.ok) return { ok: false, message: `${source}: "site" is not a usable site address: ${address.error.message}` };
    site = address.site.origin;
  }
  if (fields.siteLocked === true && site === null) {
    return { ok: false, message: `${source}: "siteLocked" needs a "site" to lock.` };
  }
  const hosts = allowedHosts(fields.extraAllowedHosts ?? []);
  return {
    ok: true,
    notices: hosts.refused.map(({ index, entry }) =>
      `${source}: "extraAllowedHosts" entry ${index + 1} (${entry}) is not a plain host name such as "wiki.mystudio.com" ` +
      '(no https://, no path, no user name); that entry was refused and Gridpass will not open pages on it.'),
    config: {
      source,
      studioName: fields.studioName ?? null,
      site,
      siteLocked: fields.siteLocked ?? false,
      supportContact: fields.supportContact ?? null,
      helpUrl: fields.helpUrl ?? null,
      checkIntervalHours: fields.checkIntervalHours ?? null,
      extraAllowedHosts: [...new Set(hosts.accepted)],
    },
  };
}

function allowedHosts(entries: readonly unknown[]): { accepted: string[]; refused: Array<{ index: number; entry: string }> } {
  const accepted: string[] = [];
  const refused: Array<{ index: number; entry: string }> = [];
  entries.forEach((entry, index) => {
    const host = typeof entry === 'string' ? normalizedHost(entry) : null;
    if (host !== null) accepted.push(host);
    else refused.push({ index, entry: quotedEntry(entry) });
  });
  return { accepted, refused };
}

/** The entry as the admin wrote it, in JSON quotes (control characters escaped), cut short. */
function quotedEntry(entry: unknown): string {
  const text = JSON.stringify(entry) ?? String(entry);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'is not valid.';
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(fieldRules).join(', ');
    return `unknown field ${issue.keys.map((key) => `"${key.slice(0, 60)}"`).join(', ')} (known fields: ${known}).`;
  }
  const [field, index] = issue.path;
  const name = typeof index === 'number' ? `"${String(field)}" entry ${index + 1}` : `"${String(field)}"`;
  return `${name} ${issue.message}.`;
}

interface ManagedConfigLoad {
  config: ManagedConfigView | null;
  /** One per file that exists but was ignored, for the log and the Settings screen. */
  notices: string[];
}

/** Reads the candidate files in order; the first valid one wins, invalid ones become notices. */
export async function loadManagedConfig(paths: readonly string[]): Promise<ManagedConfigLoad> {
  const notices: string[] = [];
  for (const filePath of paths) {
    const file = readSmallFile(filePath, MAX_FILE_BYTES);
    if (file.kind === 'absent') continue;
    if (file.kind !== 'text') {
      notices.push(`${filePath}: ${describeUnusable(file)}; ignored.`);
      continue;
    }
    const result = parseManagedConfig(file.text, filePath);
    if (result.ok) return { config: result.config, notices: [...notices, ...result.notices] };
    notices.push(`${result.message} The file was ignored.`);
  }
  return { config: null, notices };
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password;
  } catch {
    return false;
  }
}
