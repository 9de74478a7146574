/**
 * Where the window's pages come from, and therefore the only origins main trusts: the navigation
 * guard and the IPC sender check both compare against this. Packaged builds trust app://bundle only;
 * an unpackaged build may load a local Vite dev server instead (electron-practice 2.4).
 */
import { APP_ENTRY_URL, APP_ORIGIN } from './app-protocol';

interface RendererLocation {
  entryUrl: string;
  trustedOrigins: readonly string[];
  /** Set when a dev server address was given but refused. */
  notice: string | null;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function rendererLocation(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererLocation {
  const bundled = { entryUrl: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN], notice: null };
  const raw = options.devServerUrl?.trim();
  if (!raw) return bundled;
  if (options.isPackaged) {
    return { ...bundled, notice: 'Ignored the renderer dev server setting: packaged builds load only the bundled pages.' };
  }
  const origin = originOf(raw);
  if (origin === null || !/^https?:\/\//.test(origin) || !loopbackHosts.has(new URL(origin).hostname)) {
    return { ...bundled, notice: 'Ignored the renderer dev server setting: it must be an http(s) address on this computer.' };
  }
  return { entryUrl: raw, trustedOrigins: [origin], notice: null };
}

/**
 * `scheme://host[:port]`, lower-case, or null for anything unparsable or carrying credentials.
 * Computed by hand because Node's URL reports the origin of custom schemes such as app: as "null".
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password || url.host === '') return null;
  return `${url.protocol}//${url.host}`.toLowerCase();
}

/** True when `url` belongs to one of the trusted origins (used for will-navigate and IPC senders). */
export function isTrustedOrigin(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}
