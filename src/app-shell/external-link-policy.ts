/**
 * Which web pages Gridpass may open in the user's browser (Electron checklist item 15). Every
 * caller goes through one policy: the renderer's "open this page" request, finding links and the
 * window-open handler. A URL is parsed, never prefix-matched; it must be https and its host must be
 * on the list: Autodesk's own pages, the sites the person chose (typed in the wizard, signed in to,
 * saved, or set by the studio's managed config), and hosts the managed config adds. A site that only
 * answered a probe, such as one a `gridpass://setup?site=` link proposed, is not on it until the
 * person signs in to it (the service's `site-chosen` event says when). Plain http is allowed only for
 * a loopback practice site while running the demo.
 */
import { helpLinkHosts } from '../diagnosis/help-links';

/** Autodesk's account and documentation pages, plus every host a finding's help link points to. */
export const FIXED_EXTERNAL_HOSTS: readonly string[] = [...new Set([
  'profile.autodesk.com',
  'accounts.autodesk.com',
  'help.autodesk.com',
  'www.autodesk.com',
  'community.shotgridsoftware.com',
  'developers.shotgridsoftware.com',
  ...helpLinkHosts,
])];

type ExternalLinkDecision = { allowed: true; url: string } | { allowed: false; reason: string };

interface ExternalLinkPolicyOptions {
  /** Hosts (`host[:port]`) from the studio's managed config. */
  managedHosts?: readonly string[];
  /** Only while the app runs against the practice site. */
  allowLoopbackHttp?: boolean;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export class ExternalLinkPolicy {
  readonly #fixed = new Set(FIXED_EXTERNAL_HOSTS);
  readonly #managed: Set<string>;
  readonly #sites = new Set<string>();
  readonly #allowLoopbackHttp: boolean;

  constructor(options: ExternalLinkPolicyOptions = {}) {
    this.#managed = new Set((options.managedHosts ?? []).flatMap((host) => plainHost(host) ?? []));
    this.#allowLoopbackHttp = options.allowLoopbackHttp ?? false;
  }

  /** Adds the host of a ShotGrid site the user probed or saved (`https://host[:port]`). */
  rememberSite(siteUrl: string): void {
    try {
      const url = new URL(siteUrl);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
        this.#sites.add(url.host.toLowerCase());
      }
    } catch {
      // Not a site address: nothing to remember.
    }
  }

  check(raw: unknown): ExternalLinkDecision {
    if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return deny('not a usable address');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return deny('not a valid address');
    }
    if (url.username || url.password) return deny('addresses with a user name or password are never opened');
    const host = url.host.toLowerCase();
    if (url.protocol === 'http:' && this.#allowLoopbackHttp && loopbackHosts.has(url.hostname)) {
      return { allowed: true, url: url.href };
    }
    if (url.protocol !== 'https:') return deny(`only https pages are opened, not ${url.protocol}`);
    if (this.#fixed.has(host) || this.#managed.has(host) || this.#sites.has(host)) {
      return { allowed: true, url: url.href };
    }
    return deny(`${host} is not on the list of pages Gridpass opens`);
  }
}

/**
 * The entry when it is exactly a `host[:port]` as a browser address names it, else null: an entry
 * with a path, a user name or anything the URL parser would cut away never stands for the part of
 * it that looks like a host (the managed config refuses such entries first; this keeps the policy
 * safe whoever builds it).
 */
function plainHost(entry: string): string | null {
  const host = entry.toLowerCase();
  try {
    return new URL(`https://${host}/`).host === host ? host : null;
  } catch {
    return null;
  }
}

function deny(reason: string): ExternalLinkDecision {
  return { allowed: false, reason };
}
