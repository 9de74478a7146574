/**
 * `npm run bench`: prints Gridpass's speed and size figures. Every timing is a median over several runs
 * and is printed next to a baseline measured in the same process, so the ratios mean something on any
 * machine. Nothing here asserts a threshold: figures are measured, not judged.
 */
import { spawn } from 'node:child_process';
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
import { benchKeychain } from './bench-keychain';

const runs = Number(process.env.GRIDPASS_BENCH_RUNS ?? 9);
const cli = path.resolve('out/cli/gridpass.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

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

function runProcess(args: string[], stdin = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
    child.stdin.end(stdin);
  });
}

const rows: Array<[string, string, string]> = [];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}x`;
function report(name: string, value: string, versus: string): void {
  rows.push([name, value, versus]);
  console.log(`${name.padEnd(52)} ${value.padStart(14)}   ${versus}`);
}

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

async function cliTimes(): Promise<void> {
  const baseline = await timeRuns(runs, () => runProcess(['-e', '0']));
  report('baseline: node -e 0', ms(baseline), '1.00x');
  const version = await timeRuns(runs, () => runProcess([cli, '--version']));
  report('gridpass --version', ms(version), `${ratio(version, baseline)} node -e 0`);
  const site = await startPracticeSite();
  try {
    const maya = site.accounts.find((account) => account.scenario === 'works')!;
    const verify = await timeRuns(runs, async () => {
      const code = await runProcess([cli, 'verify', '--site', site.url, '--login', maya.login, '--passphrase-stdin'], `${maya.passphrase}\n`);
      if (code !== 0) throw new Error(`gridpass verify exited ${code}`);
    });
    report('gridpass verify (practice site on loopback)', ms(verify), `${ratio(verify, baseline)} node -e 0`);
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
  const cliBytes = (await stat(cli)).size;
  report('gridpass CLI bundle (main chunk)', `${(cliBytes / 1024).toFixed(1)} KiB`, 'loaded at start');
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

console.log(`Gridpass bench (median of ${runs} runs each; ratios against baselines measured in this run)\n`);
await roundTrips();
await cliTimes();
await benchKeychain(runs, report, ms, ratio);
await bundleSizes();
await renderTime();
