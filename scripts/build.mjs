// Builds everything the app, the CLI and the tests run: the renderer with Vite, main, the sandboxed
// preload (one CommonJS file, as a sandboxed preload must be), the CLI and the browser preview of
// `npm run demo` with esbuild.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __GRIDPASS_VERSION__: JSON.stringify(pkg.version) };
const only = process.argv[2];

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, define, logLevel: 'warning', legalComments: 'none' };
const native = ['@napi-rs/keyring'];

const targets = {
  main: () => esbuild({
    ...common,
    entryPoints: { main: 'main/main.ts' },
    outdir: 'out/main',
    format: 'esm',
    outExtension: { '.js': '.js' },
    external: ['electron', ...native],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  preload: () => esbuild({
    ...common,
    entryPoints: { preload: 'main/preload.ts' },
    outdir: 'out/preload',
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    outExtension: { '.js': '.cjs' },
  }),
  cli: buildCli,
  // `npm run demo` without Electron: the browser tests' harness as one script (never packaged).
  preview: async () => {
    await esbuild({
      ...common,
      entryPoints: { 'browser-preview': 'test/fixtures/browser/browser-preview.ts' },
      outdir: 'out/preview',
      format: 'esm',
      external: ['@playwright/test', ...native],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    // The bridge's init script is read from beside the bundle, as it is read from beside its source.
    await copyFile('test/fixtures/browser/bridge-shim.js', 'out/preview/bridge-shim.js');
  },
  renderer: () => viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
};

/**
 * Parts of the CLI that few runs use are scripts of their own beside the bundle, read only when used:
 * undici (for proxies only, and larger than the rest of the CLI), and the practice site (for
 * `gridpass practice-site` alone). The bundle's imports of them become a require of that file.
 */
const undiciFile = 'gridpass-undici.cjs';
const practiceSiteFile = 'gridpass-practice-site.cjs';
const besideBundle = {
  name: 'beside-bundle',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: undiciFile, namespace: 'beside-bundle' }));
    // Only the CLI's own imports: inside the practice site's script, its modules import each other.
    build.onResolve({ filter: /\/practice-site\/practice-site(-banner|-summary)?$/ }, (args) => (
      /[\\/]src[\\/]cli[\\/]/.test(args.importer) ? { path: practiceSiteFile, namespace: 'beside-bundle' } : undefined
    ));
    build.onLoad({ filter: /.*/, namespace: 'beside-bundle' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(args.path)}));`,
      loader: 'js',
    }));
  },
};

/**
 * zod's mini build re-exports every locale as `z.locales` (about 200 KB of messages in 40 languages),
 * which the CLI never reads: without this, each run would read, hash and set up all of them. The
 * practice site loads the one locale it prints (English) itself.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) => (
      /node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined
    ));
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * The CLI as one CommonJS module, written already in its wrapper function (src/cli/bundle-wrapper.ts),
 * which the launcher (out/cli/gridpass.js, Node's modules only) compiles with V8's code cache: Node 20
 * has no code cache for ES modules. Lazily imported parts (each command, the keychain addon) stay in
 * the script but are evaluated only when used, so `gridpass --version` loads no native addon; the
 * practice site and undici are files beside it (see besideBundle).
 */
async function buildCli() {
  const cli = { ...common, minify: true, sourcemap: false, write: false };
  const bundle = await esbuild({
    ...cli,
    entryPoints: ['src/cli/cli-main.ts'],
    format: 'cjs',
    external: native,
    plugins: [besideBundle, noZodLocales],
    // The launcher passes the bundle its own path as __filename, as Node does for a CommonJS module.
    define: { ...define, 'import.meta.url': '__gridpassBundleUrl' },
    banner: { js: "var __gridpassBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const code = bundle.outputFiles[0].contents;
  // A dynamic import() inside a vm.Script needs an experimental loader hook: every lazy part is required instead.
  const text = Buffer.from(code).toString('utf8');
  if (/\bimport\(/.test(text)) throw new Error('The CLI bundle has an import(); make it a bundled module or a require.');
  // esbuild writes strings as ASCII escapes, but not regular expressions. One other character makes V8
  // keep the whole script as UTF-16: twice its memory, and a decode of all of it on every start.
  const nonAscii = /[^\x00-\x7f]/.exec(text);
  if (nonAscii) throw new Error(`The CLI bundle has a character beyond ASCII (${JSON.stringify(text.slice(Math.max(0, nonAscii.index - 40), nonAscii.index + 10))}): write it as \\u${nonAscii[0].codePointAt(0).toString(16).padStart(4, '0')}.`);
  await rm('out/cli', { recursive: true, force: true });
  await mkdir('out/cli', { recursive: true });
  const file = (await bundleWrapper()).wrapAsBundle(text);
  await writeFile('out/cli/gridpass-cli.cjs', file);
  await esbuild({ ...cli, write: true, entryPoints: ['undici'], outfile: `out/cli/${undiciFile}`, format: 'cjs' });
  await esbuild({ ...cli, write: true, entryPoints: ['src/practice-site/index.ts'], outfile: `out/cli/${practiceSiteFile}`, format: 'cjs', plugins: [noZodLocales] });
  const bundleHash = createHash('sha256').update(file).digest('hex').slice(0, 16);
  // The launcher is CommonJS too (out/cli/package.json says so): Node starts a CommonJS entry without
  // setting up its ES module loader.
  await writeFile('out/cli/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
  await esbuild({
    ...cli,
    write: true,
    entryPoints: { gridpass: 'src/cli/gridpass.ts' },
    outdir: 'out/cli',
    format: 'cjs',
    define: { ...define, __GRIDPASS_CLI_BUNDLE_HASH__: JSON.stringify(bundleHash), 'import.meta.url': '__gridpassLauncherUrl' },
    banner: { js: "#!/usr/bin/env node\nvar __gridpassLauncherUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}

/** src/cli/bundle-wrapper.ts, the one definition of how the bundle file wraps its module, made runnable here. */
async function bundleWrapper() {
  const built = await esbuild({ entryPoints: ['src/cli/bundle-wrapper.ts'], bundle: true, write: false, format: 'esm', logLevel: 'warning' });
  return import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
}

if (!only) await rm('out', { recursive: true, force: true });
for (const [name, run] of Object.entries(targets)) {
  if (only && only !== name) continue;
  await run();
}
console.log(`built ${only ?? Object.keys(targets).join(', ')} -> out/`);
