// `npm run bench`: bundles the benchmark (it imports the TypeScript sources) and runs it inside a
// private keyring session, since one figure is the real keychain's round trip.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureKeyringSession } from './keyring-session.mjs';

ensureKeyringSession();
// Inside the project, so the bundle's external packages resolve from node_modules.
const outfile = resolve('out/bench/bench.mjs');
await build({
  entryPoints: ['test/bench/bench.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Finds the pinned runtime relative to its own file, so it stays a file of its own (out/bench is as deep as test/bench).
  external: ['*/scripts/node-runtime.mjs'],
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
