/**
 * The app:// protocol that serves the renderer build instead of file:// (Electron security
 * checklist item 18). Pages load from `app://bundle/`, which gives them a real origin that the IPC
 * sender check and the navigation guard can compare against.
 */
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export const APP_SCHEME = 'app';
const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

type BundleResolution =
  | { ok: true; filePath: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app://bundle/ URL to a file inside `rootDir`, or says why it cannot. Decoding happens
 * before the traversal check, so `%2e%2e%2f` and `..%5c` are caught like a plain `../`.
 */
export function resolveBundlePath(rootDir: string, requestUrl: string): BundleResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username || url.password) {
    return { ok: false, status: 403, reason: 'not an app://bundle/ URL' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (/[\0\\]/.test(pathname) || pathname.split('/').some((segment) => segment === '..')) {
    return { ok: false, status: 403, reason: 'path leaves the bundle' };
  }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  const inside = path.relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'path leaves the bundle' };
  }
  const contentType = contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  return { ok: true, filePath, contentType };
}

interface BundleHandlerDeps {
  rootDir: string;
  readFile(filePath: string): Promise<Uint8Array>;
  /** Told about refused and missing requests, for the log. */
  onRefused?(requestUrl: string, reason: string): void;
}

/** Security headers sent with every response, including errors. */
const bundleResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** The handler for `protocol.handle('app', ...)`: Web Request in, Web Response out. */
export function createBundleHandler(deps: BundleHandlerDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(405, 'method not allowed');
    }
    const resolved = resolveBundlePath(deps.rootDir, request.url);
    if (!resolved.ok) {
      deps.onRefused?.(request.url, resolved.reason);
      return refuse(resolved.status, resolved.reason);
    }
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolved.filePath);
    } catch {
      deps.onRefused?.(request.url, 'not in the bundle');
      return refuse(404, 'not found');
    }
    const headers = { ...bundleResponseHeaders, 'Content-Type': resolved.contentType };
    return new Response(request.method === 'HEAD' ? null : new Blob([new Uint8Array(body)]), { status: 200, headers });
  };
}

function refuse(status: number, reason: string): Response {
  return new Response(reason, { status, headers: { ...bundleResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}
