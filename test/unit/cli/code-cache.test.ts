import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wrapAsBundle } from '../../../src/cli/bundle-wrapper';
import { codeCacheDir, codeCacheFileName, loadBundle } from '../../../src/cli/code-cache';

describe('the code cache folder', () => {
  it("is the OS's per-user cache folder", () => {
    expect(codeCacheDir('darwin', {}, '/Users/jane')).toBe('/Users/jane/Library/Caches/Gridpass');
    expect(codeCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\jane\\AppData\\Local' }, 'C:\\Users\\jane')).toBe('C:\\Users\\jane\\AppData\\Local\\Gridpass\\Cache');
    expect(codeCacheDir('win32', {}, 'C:\\Users\\jane')).toBe('C:\\Users\\jane\\AppData\\Local\\Gridpass\\Cache');
    expect(codeCacheDir('linux', { XDG_CACHE_HOME: '/data/cache' }, '/home/jane')).toBe('/data/cache/gridpass');
    expect(codeCacheDir('linux', {}, '/home/jane')).toBe('/home/jane/.cache/gridpass');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec requires', () => {
    expect(codeCacheDir('linux', { XDG_CACHE_HOME: 'cache' }, '/home/jane')).toBe('/home/jane/.cache/gridpass');
  });
});

describe('the code cache file name', () => {
  it('names the bundle, the Node version and architecture and the command', () => {
    expect(codeCacheFileName({ bundleHash: 'abc123', command: 'verify' })).toBe(`cli-abc123-${process.version}-${process.arch}-verify.v8`);
  });

  it('keeps anything but a plain command word out of the name', () => {
    for (const command of [undefined, '--version', '../../etc/passwd', 'Verify', 'x'.repeat(40)]) {
      expect(codeCacheFileName({ bundleHash: 'abc123', command })).toBe(`cli-abc123-${process.version}-${process.arch}-none.v8`);
    }
  });
});

describe('a bundle run through the code cache', () => {
  let dir: string;
  let bundlePath: string;
  const ran = globalThis as { codeCacheTestRuns?: number };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gridpass-code-cache-'));
    bundlePath = path.join(dir, 'bundle.cjs');
    // Uses what a CommonJS module is given, so a wrong wrapper fails here.
    await writeFile(bundlePath, wrapAsBundle('const sum = (a, b) => a + b; globalThis.codeCacheTestRuns = sum(globalThis.codeCacheTestRuns ?? 0, 1); module.exports.dir = __dirname; require("node:path");'));
    ran.codeCacheTestRuns = 0;
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('compiles without a cache, saves one, and the next run uses it', async () => {
    const cacheFile = path.join(dir, 'cache', 'cli-x-verify.v8');
    const first = loadBundle(bundlePath, cacheFile);
    expect(first.usedCache).toBe(false);
    first.run();
    first.save();
    const second = loadBundle(bundlePath, cacheFile);
    expect(second.usedCache).toBe(true);
    second.run();
    expect(ran.codeCacheTestRuns).toBe(2);
    expect(await readdir(path.join(dir, 'cache'))).toEqual(['cli-x-verify.v8']);
  });

  it('runs as usual on a damaged or empty cache file, and replaces it', async () => {
    const cacheFile = path.join(dir, 'cli-x-verify.v8');
    for (const damaged of [Buffer.from('not bytecode at all'), Buffer.alloc(0)]) {
      await writeFile(cacheFile, damaged);
      const loaded = loadBundle(bundlePath, cacheFile);
      expect(loaded.usedCache).toBe(false);
      loaded.run();
      loaded.save();
      expect(loadBundle(bundlePath, cacheFile).usedCache).toBe(true);
    }
    expect(ran.codeCacheTestRuns).toBe(2);
  });

  it('refuses the bytecode of another bundle', async () => {
    const cacheFile = path.join(dir, 'cli-x-verify.v8');
    const first = loadBundle(bundlePath, cacheFile);
    first.run();
    first.save();
    await writeFile(bundlePath, wrapAsBundle('globalThis.codeCacheTestRuns = 40; globalThis.codeCacheTestRuns += 2;'));
    const other = loadBundle(bundlePath, cacheFile);
    expect(other.usedCache).toBe(false);
    other.run();
    expect(ran.codeCacheTestRuns).toBe(42);
  });

  it('runs, and saves nothing, where the cache cannot be written', async () => {
    await writeFile(path.join(dir, 'a-file'), '');
    const cacheFile = path.join(dir, 'a-file', 'cache', 'cli-x-verify.v8');
    const loaded = loadBundle(bundlePath, cacheFile);
    loaded.run();
    expect(() => loaded.save()).not.toThrow();
    expect(loadBundle(bundlePath, cacheFile).usedCache).toBe(false);
    expect(ran.codeCacheTestRuns).toBe(1);
  });

  it('refuses a file that is not a wrapped bundle, saying to build again', async () => {
    await writeFile(bundlePath, 'globalThis.codeCacheTestRuns = 1;');
    expect(() => loadBundle(bundlePath, null)).toThrow(/is not a Gridpass CLI bundle; build it again \(npm run build\)/);
    expect(ran.codeCacheTestRuns).toBe(0);
  });

  it("removes other builds' cache files once they are a week old, and keeps newer ones", async () => {
    const old = path.join(dir, 'cli-old-verify.v8');
    const recent = path.join(dir, 'cli-recent-verify.v8');
    const notOurs = path.join(dir, 'notes.txt');
    for (const file of [old, recent, notOurs]) await writeFile(file, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await utimes(old, eightDaysAgo, eightDaysAgo);
    await utimes(notOurs, eightDaysAgo, eightDaysAgo);
    const loaded = loadBundle(bundlePath, path.join(dir, 'cli-new-verify.v8'));
    loaded.run();
    loaded.save();
    expect((await readdir(dir)).sort()).toEqual(['bundle.cjs', 'cli-new-verify.v8', 'cli-recent-verify.v8', 'notes.txt']);
  });
});
