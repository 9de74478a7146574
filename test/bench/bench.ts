/**
 * `npm run bench`: prints Gridpass's speed and size figures. Every timing is a median over several runs
 * and is printed next to a baseline measured in the same run (whole processes alternate with theirs),
 * so the ratios mean something on any machine. Nothing here asserts a threshold: figures are
 * measured, not judged.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createNodeFetch } from '../../src/net/node-fetch';
import { startPracticeSite } from '../../src/practice-site/practice-site';
import { PRACTICE_TWO_FACTOR } from '../../src/practice-site/practice-seed';
import { createShotgridClient } from '../../src/shotgrid/create-shotgrid-client';
import { parseSiteAddress } from '../../src/site/site-address';
import { startRendererServer } from '../fixtures/browser/renderer-server';
import { chromiumPath } from '../../playwright.config';
import { benchCliProcesses } from './bench-cli';
import { benchKeychain } from './bench-keychain';
import { ms, printReport, ratio } from './bench-report';
import { benchCheckNow } from './bench-tray';
import { hasGnuTime, median } from './process-runs';

const runs = Number(process.env.GRIDPASS_BENCH_RUNS ?? 11);
const cli = path.resolve('out/cli/gridpass.js');

async function timeRuns(count: number, run: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await before?.();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const report = printReport;

async function roundTrips(): Promise<void> {
  const site = await startPracticeSite();
  try {
    const { fetch } = createNodeFetch({});
    const client = createShotgridClient({ fetch, userAgent: 'gridpass-bench' });
    const parsed = parseSiteAddress(site.url);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const maya = site.accounts.find((account) => account.scenario === 'works')!;
    const lucas = site.accounts.find((account) => account.scenario === 'two-factor')!;
    const plain = await client.verifyLogin(parsed.site, { login: maya.login, passphrase: maya.passphrase! });
    const twoFactor = await client.verifyLogin(parsed.site, {
      login: lucas.login, passphrase: lucas.passphrase!, twoFactorCode: PRACTICE_TWO_FACTOR.codes[0]!,
    });
    // The wizard: the site step probes once, then the check of the login reuses that probe.
    const probe = await client.probe(parsed.site);
    const wizard = probe.ok ? await client.verifyLogin(parsed.site, { login: maya.login, passphrase: maya.passphrase! }, { alreadyProbed: probe.value }) : probe;
    report('HTTP round trips: verify login (probe included)', String(plain.roundTrips), 'target 2');
    report('HTTP round trips: verify login with 2FA code', String(twoFactor.roundTrips), 'target 3');
    report('HTTP round trips: wizard, site entry to verified', String(probe.roundTrips + wizard.roundTrips), 'probe + 1 login');
  } finally {
    await site.close();
  }
}

async function bundleSizes(): Promise<void> {
  const assets = path.resolve('out/renderer/assets');
  let raw = 0;
  let gzipped = 0;
  for (const file of await readdir(assets)) {
    if (!file.endsWith('.js')) continue;
    const bytes = await readFile(path.join(assets, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  report('renderer JavaScript (gzip)', `${(gzipped / 1024).toFixed(1)} KiB`, `${(raw / 1024).toFixed(1)} KiB raw, ${ratio(gzipped, raw)} of raw`);
  const launcherBytes = (await stat(cli)).size;
  const bundleBytes = (await stat(path.join(path.dirname(cli), 'gridpass-cli.cjs'))).size;
  report('gridpass CLI launcher + bundle', `${((launcherBytes + bundleBytes) / 1024).toFixed(1)} KiB`, `read at start (launcher ${(launcherBytes / 1024).toFixed(1)} KiB); compiled from the code cache`);
}

async function renderTime(): Promise<void> {
  const server = await startRendererServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // The renderer needs window.gridpass; answer the two calls the first screen makes, from memory.
    await page.addInitScript(() => {
      const state = {
        version: 'bench', platform: 'linux', keychain: { state: 'ok', backend: 'bench' }, setupSite: null, accountsCount: 0, keptPat: false,
        settings: { checkIntervalHours: 6, launchAtLogin: false, notifications: true, managed: null, notice: null },
      };
      const api = new Proxy({}, {
        get: (_target, name) => (name === 'onNavigate' ? () => () => undefined : async () => (name === 'getAppState' ? state : [])),
      });
      Object.defineProperty(window, 'gridpass', { value: api });
    });
    // Each timed navigation starts from about:blank, so it is a full page load every time (a second
    // go to the same URL with only a new #hash would not reload the page at all).
    const fromBlank = (run: () => Promise<unknown>) => timeRuns(runs, run, () => page.goto('about:blank'));
    const blank = await fromBlank(() => page.goto(`${server.url}/icon.svg`));
    report('baseline: navigate to a static file (icon.svg)', ms(blank), '1.00x');
    const wizard = await fromBlank(async () => {
      await page.goto(`${server.url}/index.html#/setup`);
      await page.getByRole('button', { name: /get started|start|begin/i }).first().waitFor({ state: 'visible' });
    });
    report('navigation to interactive first wizard screen', ms(wizard), `${ratio(wizard, blank)} baseline`);
  } finally {
    await browser.close();
    await server.close();
  }
}

console.log(`Gridpass bench (median of ${runs} runs each; ratios against baselines measured in this run)`);
console.log(hasGnuTime ? 'CPU and peak memory of processes: GNU time (/usr/bin/time)\n' : 'No GNU time (/usr/bin/time): wall times only\n');
await roundTrips();
await benchCliProcesses(runs, report);
await benchCheckNow(runs, report);
await benchKeychain(runs, report);
await bundleSizes();
await renderTime();
