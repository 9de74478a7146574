/**
 * `gridpass://setup?site=...` links, as a studio puts them in a freelancer's welcome email. The link
 * arrives from outside (a browser, an email client, another program's argv), so it is parsed
 * strictly: one scheme, one host, one parameter. The site value is only carried here; the wizard
 * validates it with the site-address parser before anything connects to it.
 */
export const DEEP_LINK_SCHEME = 'gridpass';

type DeepLink = { kind: 'setup'; site: string };

type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: string };

const MAX_LINK_LENGTH = 4096;
const MAX_SITE_LENGTH = 2048;

export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_LINK_LENGTH) return refuse(`the link is longer than ${MAX_LINK_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('it is not a link');
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refuse(`it is not a ${DEEP_LINK_SCHEME}:// link`);
  if (url.username || url.password || url.port) return refuse('it carries a user name, password or port');
  if (url.hostname === '') return refuse('it names no action (expected gridpass://setup?site=...)');
  if (url.hostname.toLowerCase() !== 'setup') return refuse(`"${url.hostname}" is not a Gridpass action (only "setup" is)`);
  if (url.pathname !== '' && url.pathname !== '/') return refuse('it has a path after "setup"');
  if (url.hash) return refuse('it has a #fragment');
  const keys = [...url.searchParams.keys()];
  const unexpected = keys.find((key) => key !== 'site');
  if (unexpected !== undefined) return refuse(`it has an unexpected parameter "${unexpected.slice(0, 40)}"`);
  const sites = url.searchParams.getAll('site');
  if (sites.length !== 1) return refuse('it must have exactly one "site" parameter');
  const site = (sites[0] ?? '').trim();
  if (site === '') return refuse('the "site" parameter is empty');
  if (site.length > MAX_SITE_LENGTH) return refuse(`the "site" parameter is longer than ${MAX_SITE_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f]/.test(site)) return refuse('the "site" parameter contains control characters');
  return { ok: true, link: { kind: 'setup', site } };
}

/**
 * The link in a command line, if any. Windows and Linux pass the link as an argument (to the first
 * launch and, through 'second-instance', to the running app), next to Chromium's own switches.
 */
export function findDeepLinkArgument(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.slice(0, prefix.length).toLowerCase() === prefix) ?? null;
}

function refuse(reason: string): DeepLinkResult {
  return { ok: false, reason: `Ignored a Gridpass link: ${reason}.` };
}
