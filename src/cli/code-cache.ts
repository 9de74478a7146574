/**
 * Runs the CLI's one-script bundle with V8's code cache. Node 20 parses and compiles the bundle's
 * code afresh in every process; with the bytecode V8 made in an earlier run of the same command,
 * a start skips most of that work. The cache is only ever a shortcut: a missing, stale, damaged or
 * unwritable one changes nothing but the time a run takes.
 *
 * Each cache file is named after the bundle's content hash, the Node version and architecture and
 * the command, so a new build or another Node never reads an old file (V8 also refuses bytecode from
 * another V8 or other flags). One file per command, because the cache holds what the run that wrote it
 * compiled: `verify` and `session` each get their own code.
 * The bundle file is compiled as read: it holds its module already wrapped (bundle-wrapper.ts).
 */
import { closeSync, fstatSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';
import { makeFolder } from '../settings/make-folder';
import { BUNDLE_HEAD } from './bundle-wrapper';

interface CodeCacheKey {
  /** Content hash of the bundle, from the build. */
  bundleHash: string;
  /** The command this run is for (`verify`, `session`...), or anything else for none. */
  command: string | undefined;
}

interface LoadedBundle {
  /** Whether V8 took the cached bytecode (false: none was there, or it was refused). */
  readonly usedCache: boolean;
  /** Evaluates the bundle as a CommonJS module. */
  run(): void;
  /** Writes the bytecode compiled so far for the next run, unless the cache was used; never throws. */
  save(): void;
}

/** Beyond any real cache (a few hundred KiB); a larger file is not read. */
const CACHE_LIMIT_BYTES = 16 * 1024 * 1024;
/** Files of other builds are removed once this old, so a long-lived machine does not collect them. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;
const FILE_PREFIX = 'cli-';
const FILE_SUFFIX = '.v8';

/** Where this user's cache lives: the OS's per-user cache folder, never a shared temporary one. */
export function codeCacheDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  switch (platform) {
    case 'darwin':
      return posix.join(homedir, 'Library', 'Caches', 'Gridpass');
    case 'win32':
      return win32.join(env.LOCALAPPDATA || win32.join(homedir, 'AppData', 'Local'), 'Gridpass', 'Cache');
    default: {
      // As for XDG_CONFIG_HOME, a relative XDG_CACHE_HOME is invalid and ignored.
      const xdg = env.XDG_CACHE_HOME;
      return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.cache'), 'gridpass');
    }
  }
}

export function codeCacheFileName(key: CodeCacheKey): string {
  const command = key.command !== undefined && /^[a-z][a-z-]{0,31}$/.test(key.command) ? key.command : 'none';
  return `${FILE_PREFIX}${key.bundleHash}-${process.version}-${process.arch}-${command}${FILE_SUFFIX}`;
}

export function loadBundle(bundlePath: string, cacheFile: string | null): LoadedBundle {
  const source = readFileSync(bundlePath, 'utf8');
  if (!source.startsWith(BUNDLE_HEAD)) throw new Error(`${bundlePath} is not a Gridpass CLI bundle; build it again (npm run build).`);
  const cachedData = cacheFile === null ? undefined : readCache(cacheFile);
  const script = new Script(source, {
    filename: bundlePath,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const usedCache = cachedData !== undefined && script.cachedDataRejected !== true;
  return {
    usedCache,
    run() {
      const module = { exports: {} };
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
    },
    save() {
      if (usedCache || cacheFile === null) return;
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // No cache this time (a read-only home, a full disk): the next run compiles again.
      }
    },
  };
}

function readCache(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size === 0 || stat.size > CACHE_LIMIT_BYTES) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Beside the target, then renamed over it: a run that starts meanwhile reads the old file or the new one, whole. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  makeFolder(dir, 0o700);
  removeStale(dir, basename(file));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function removeStale(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (name === keep || !name.startsWith(FILE_PREFIX) || !(name.endsWith(FILE_SUFFIX) || name.endsWith('.tmp'))) continue;
    const file = join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Removed by another run first.
    }
  }
}
