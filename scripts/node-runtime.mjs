// Puts the pinned Node.js LTS release in the git-ignored folder .node-runtime, for the bench and the
// suite that run `gridpass` on it (the CLI supports Node.js 20.18 and newer; Node.js 20 reached its
// end of life in April 2026, and its start-up alone takes longer than half the Python client's login).
// The official binaries come from the npm package index as `node-<os>-<cpu>` packages; the tarball is
// checked against the integrity pinned here before anything in it runs. Does nothing when the runtime
// is already in place, so `npm test` and CI pay for it once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const pinnedNodeVersion = '24.22.3';

/** sha512 of each package's tarball, as the package index publishes it. */
const pinnedIntegrity = {
  'linux-x64': 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  'linux-arm64': 'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
};

const platformKey = `${process.platform}-${process.arch}`;
const runtimeDir = join(root, '.node-runtime', `${pinnedNodeVersion}-${platformKey}`);

/** Whether a release is pinned for this OS and CPU (where none is, the bench and that suite use the running Node.js). */
export const pinnedForThisMachine = pinnedIntegrity[platformKey] !== undefined;

/** The pinned runtime's `node`, or null where none is pinned for this OS and CPU or it is not fetched yet. */
export function pinnedNodePath() {
  const node = join(runtimeDir, 'bin', 'node');
  return existsSync(node) ? node : null;
}

/** Returns null when the runtime is ready (or none is pinned for this machine), else why it is not (one line). */
export function ensureNodeRuntime(log = console.log) {
  const integrity = pinnedIntegrity[platformKey];
  if (!pinnedForThisMachine || pinnedNodePath() !== null) return null;
  const name = `node-${platformKey}`;
  log(`node runtime: fetching ${name}@${pinnedNodeVersion} into .node-runtime`);
  const scratch = mkdtempSync(join(tmpdir(), 'gridpass-node-runtime-'));
  try {
    const pack = spawnSync('npm', ['pack', `${name}@${pinnedNodeVersion}`, '--pack-destination', scratch, '--silent'], { encoding: 'utf8' });
    if (pack.error || pack.status !== 0) return `npm pack ${name}@${pinnedNodeVersion} failed (${pack.error?.message ?? pack.stderr.trim().split('\n').at(-1)})`;
    const tarball = join(scratch, pack.stdout.trim().split('\n').at(-1));
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== integrity) return `${name}@${pinnedNodeVersion} does not match its pinned integrity; nothing of it was run`;
    const unpacked = join(scratch, 'unpacked');
    mkdirSync(unpacked);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components', '1'], { encoding: 'utf8' });
    if (untar.error || untar.status !== 0) return `could not unpack ${tarball} (${untar.error?.message ?? untar.stderr.trim()})`;
    const version = spawnSync(join(unpacked, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout?.trim();
    if (version !== `v${pinnedNodeVersion}`) return `the unpacked runtime says it is ${version || 'nothing'}, not v${pinnedNodeVersion}`;
    mkdirSync(resolve(runtimeDir, '..'), { recursive: true });
    rmSync(runtimeDir, { recursive: true, force: true });
    renameSync(unpacked, runtimeDir);
    return null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problem = ensureNodeRuntime();
  if (problem !== null) {
    console.error(`node runtime: ${problem}`);
    process.exit(1);
  }
  console.log(pinnedNodePath() === null ? `node runtime: none pinned for ${platformKey}` : `node runtime: ${pinnedNodePath()} is ready`);
}
