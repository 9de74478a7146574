import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createBundleHandler, resolveBundlePath } from '../../../src/app-shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/app-shell/content-security-policy';

const root = path.resolve('/srv/gridpass/out/renderer');

describe('resolveBundlePath', () => {
  it('serves index.html for the entry URL and the bare origin', () => {
    expect(resolveBundlePath(root, APP_ENTRY_URL)).toEqual({
      ok: true, filePath: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8',
    });
    expect(resolveBundlePath(root, 'app://bundle/')).toMatchObject({ ok: true, filePath: path.join(root, 'index.html') });
  });

  it('maps nested assets with their content type', () => {
    expect(resolveBundlePath(root, 'app://bundle/assets/index-abc.js?v=1')).toEqual({
      ok: true, filePath: path.join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8',
    });
  });

  it.each([
    'app://bundle/..%2f..%2fetc/passwd',
    'app://bundle/assets/..%2F..%2F..%2Fsecret',
    'app://bundle/..%5c..%5cWindows%5cwin.ini',
    'app://bundle/index.html%00.png',
  ])('refuses %s, which tries to leave the bundle', (url) => {
    expect(resolveBundlePath(root, url)).toMatchObject({ ok: false, status: 403 });
  });

  it('keeps dot segments the URL parser folds inside the bundle', () => {
    expect(resolveBundlePath(root, 'app://bundle/../../etc/passwd')).toMatchObject({
      ok: true, filePath: path.join(root, 'etc', 'passwd'),
    });
  });

  it.each([
    ['file:///etc/passwd', 403],
    ['app://other/index.html', 403],
    ['app://bundle:8080/index.html', 403],
    ['app://user:pw@bundle/index.html', 403],
    ['app://bundle/%E0%A4%A', 400],
    ['not a url', 400],
  ] as const)('refuses %s with %i', (url, status) => {
    expect(resolveBundlePath(root, url)).toMatchObject({ ok: false, status });
  });
});

describe('createBundleHandler', () => {
  const files = new Map([[path.join(root, 'index.html'), '<!doctype html><title>Gridpass</title>']]);
  const refused: string[] = [];
  const handler = createBundleHandler({
    rootDir: root,
    readFile: async (filePath) => {
      const text = files.get(filePath);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    onRefused: (url, reason) => refused.push(`${url}: ${reason}`),
  });

  it('answers with the file, its type and the CSP header', async () => {
    const response = await handler(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Gridpass</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the CSP header on errors too, and reports what it refused', async () => {
    const missing = await handler(new Request('app://bundle/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await handler(new Request('app://bundle/..%2f..%2fetc/passwd'));
    expect(escape.status).toBe(403);
    expect(refused).toEqual(['app://bundle/nope.js: not in the bundle', 'app://bundle/..%2f..%2fetc/passwd: path leaves the bundle']);
  });

  it('accepts only GET and HEAD', async () => {
    expect((await handler(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the bundle itself and forbids inline code, plugins, framing and form posts', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'", 'script-src': "'self'", 'style-src': "'self'", 'img-src': "'self' data:",
      'connect-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'", 'form-action': "'none'", 'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
