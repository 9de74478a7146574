/**
 * The `gridpass` command as whole processes, against baselines run alternately in the same bench:
 * `node -e 0` of the same Node.js for start-up, and a Python client doing the same login (info, then
 * one read) for verify, session and doctor. Each figure is taken on every Node.js at hand: the pinned
 * LTS release (scripts/node-runtime.mjs) and the one running the bench, when that is another.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAccountRegistry } from '../../src/accounts/account-registry';
import { startPracticeSite } from '../../src/practice-site/practice-site';
import { openSettingsStore } from '../../src/settings/settings-store';
import { createKeychainVault } from '../../src/vault/keychain-vault';
import { removeKeychainService, uniqueKeychainService } from '../fixtures/keyring';
import { mib, ms, ratio, type Report } from './bench-report';
import { measure, runProcess, type Medians, type ProcessSpec } from './process-runs';
import { startPracticeSiteProcess, type PracticeSiteProcess } from './practice-site-process';
import { pythonBaseline } from './python-baseline';
import { pinnedNodePath, pinnedNodeVersion } from '../../scripts/node-runtime.mjs';

const cli = path.resolve('out/cli/gridpass.js');
const bareNodeLogin = path.resolve('test/bench/node_login_bare.cjs');

interface NodeRuntime {
  /** How the report names it. */
  label: string;
  node: string;
}

/** The pinned LTS release first, then the Node.js running the bench if it is another one. */
function nodeRuntimes(): NodeRuntime[] {
  const pinned = pinnedNodePath();
  const running = { label: `Node.js ${process.versions.node}`, node: process.execPath };
  if (pinned === null) return [running];
  const pinnedRuntime = { label: `Node.js ${pinnedNodeVersion} (pinned LTS)`, node: pinned };
  return process.versions.node === pinnedNodeVersion ? [pinnedRuntime] : [pinnedRuntime, running];
}

export async function benchCliProcesses(runs: number, report: Report): Promise<void> {
  const runtimes = nodeRuntimes();
  if (pinnedNodePath() === null) report('pinned Node.js LTS release', 'n/a', `none here for ${process.platform}-${process.arch}, or not fetched (node scripts/node-runtime.mjs)`);
  for (const runtime of runtimes) {
    console.log(`\ngridpass on ${runtime.label}`);
    await benchCliOn(runtime, runs, report);
  }
}

async function benchCliOn(runtime: NodeRuntime, runs: number, report: Report): Promise<void> {
  const site = await startPracticeSiteProcess();
  const home = await mkdtemp(path.join(tmpdir(), 'gridpass-bench-home-'));
  const service = uniqueKeychainService('bench-cli');
  const env = { GRIDPASS_HOME: home, GRIDPASS_KEYCHAIN_SERVICE: service };
  const gridpass = (args: string[], stdin = ''): ProcessSpec => ({ command: runtime.node, args: [cli, ...args], stdin, env });
  try {
    await startUp(runs, report, runtime.node, gridpass);
    const maya = site.accounts.find((account) => account.scenario === 'works')!;
    const passphrase = `${maya.passphrase!}\n`;
    const baseline = pythonBaseline();
    const variants = {
      python: baseline.login(site.url, maya.login, maya.passphrase!),
      bare: { command: runtime.node, args: [bareNodeLogin, site.url, maya.login], stdin: passphrase },
      verify: gridpass(['verify', '--site', site.url, '--login', maya.login, '--passphrase-stdin'], passphrase),
      doctor: gridpass(['doctor', '--site', site.url, '--login', maya.login, '--passphrase-stdin'], passphrase),
    };
    report('HTTP requests: one gridpass verify process', String(await requestsOfOneVerify(gridpass)), 'target 2 (info + one read), as the Python client');
    const session = await sessionVariant(site, home, service, maya.login, maya.passphrase!, gridpass);
    if (session !== null) report('HTTP requests: one gridpass session process', String(await requestsOfOneSession(service, gridpass)), 'a kept session that works: the session check alone (Python: info + one read)');
    const measured: Record<string, ProcessSpec> = session === null ? variants : { ...variants, session };
    const runsOf = await measure(runs, measured);
    const python = runsOf.python!;
    report('baseline: Python login (info + one read)', ms(python.wallMs), `${cpuAndPeak(python)}; ${baseline.description}`);
    const bare = runsOf.bare!;
    report('floor: node:http alone, the same two calls', ms(bare.wallMs), `${ratio(bare.wallMs, python.wallMs)} Python; ${cpuAndPeak(bare)} (no checks, settings or output)`);
    const verify = runsOf.verify!;
    report('gridpass verify --login L --passphrase-stdin', ms(verify.wallMs), `${ratio(verify.wallMs, python.wallMs)} Python (target 0.50x); ${cpuAndPeak(verify)}`);
    if (verify.peakMiB !== null) report('gridpass verify: peak memory', mib(verify.peakMiB), `target 60 MiB; Python ${mib(python.peakMiB!)}`);
    if (session === null) report('gridpass session (a valid session kept)', 'n/a', 'not available yet: this build has no `gridpass session`');
    else {
      const kept = runsOf.session!;
      report('gridpass session (a valid session kept)', ms(kept.wallMs), `${ratio(kept.wallMs, python.wallMs)} Python (target 0.50x); ${cpuAndPeak(kept)}`);
    }
    const doctor = runsOf.doctor!;
    report('gridpass doctor --login, every check on loopback', ms(doctor.wallMs), `${ratio(doctor.wallMs, python.wallMs)} Python; ${cpuAndPeak(doctor)}`);
  } finally {
    await removeKeychainService(service);
    await rm(home, { recursive: true, force: true });
    await site.close();
  }
}

async function startUp(runs: number, report: Report, nodePath: string, gridpass: (args: string[]) => ProcessSpec): Promise<void> {
  const { node, version } = await measure(runs, {
    node: { command: nodePath, args: ['-e', '0'] },
    version: gridpass(['--version']),
  });
  report('baseline: node -e 0', ms(node.wallMs), cpuAndPeak(node));
  const cpu = version.cpuMs !== null && node.cpuMs !== null ? `CPU ${ratio(version.cpuMs, node.cpuMs)} node -e 0 (target 1.30x), ` : '';
  report('gridpass --version', ms(version.wallMs), `${cpu}wall ${ratio(version.wallMs, node.wallMs)}; ${cpuAndPeak(version)}`);
}

/**
 * `gridpass session` once the build has it: the login is saved first (passphrase in this bench's own
 * keychain service), and one unmeasured run makes sure a session is kept, so the timed runs read it.
 */
async function sessionVariant(
  site: PracticeSiteProcess, home: string, service: string, login: string, passphrase: string, gridpass: (args: string[]) => ProcessSpec,
): Promise<ProcessSpec | null> {
  const help = await runProcess({ ...gridpass(['session', '--help']), expectCode: 0 }).catch(() => null);
  if (help === null) return null;
  return keptSessionRun(site, home, service, login, passphrase, gridpass);
}

/** Saves the login on `site` and runs `gridpass session` for it once, so a session is kept; returns that run's spec. */
async function keptSessionRun(
  site: Pick<PracticeSiteProcess, 'url' | 'method'>, home: string, service: string, login: string, passphrase: string, gridpass: (args: string[]) => ProcessSpec,
): Promise<ProcessSpec> {
  const registry = createAccountRegistry({ settings: openSettingsStore({ cwd: home }), vault: createKeychainVault({ service }) });
  const saved = await registry.saveVerifiedLogin({ site: site.url, login, displayName: null, loginMethod: site.method, passphrase });
  if (!saved.ok) throw new Error(`Could not save the bench login: ${saved.failure.kind}`);
  const spec = gridpass(['session', '--site', site.url, '--login', login]);
  await runProcess(spec);
  return spec;
}

/** Counted on a practice site in this process, whose log sees each request; the timed runs use the other one. */
async function requestsOfOneVerify(gridpass: (args: string[], stdin?: string) => ProcessSpec): Promise<number> {
  const site = await startPracticeSite();
  try {
    const maya = site.accounts.find((account) => account.scenario === 'works')!;
    await runProcess(gridpass(['verify', '--site', site.url, '--login', maya.login, '--passphrase-stdin'], `${maya.passphrase!}\n`));
    return site.log.entries().length;
  } finally {
    await site.close();
  }
}

/**
 * The same count for `gridpass session` with a kept session: the unmeasured run that keeps it is not
 * counted. Its login is saved in a settings folder of its own, so the timed runs read the same file as before.
 */
async function requestsOfOneSession(service: string, gridpass: (args: string[]) => ProcessSpec): Promise<number> {
  const site = await startPracticeSite();
  const home = await mkdtemp(path.join(tmpdir(), 'gridpass-bench-count-'));
  try {
    const maya = site.accounts.find((account) => account.scenario === 'works')!;
    const inHome = (args: string[]) => {
      const spec = gridpass(args);
      return { ...spec, env: { ...spec.env, GRIDPASS_HOME: home } };
    };
    const spec = await keptSessionRun(site, home, service, maya.login, maya.passphrase!, inHome);
    site.log.clear();
    await runProcess(spec);
    return site.log.entries().length;
  } finally {
    await rm(home, { recursive: true, force: true });
    await site.close();
  }
}

function cpuAndPeak(figures: Medians): string {
  if (figures.cpuMs === null || figures.peakMiB === null) return 'CPU and peak memory need GNU time (/usr/bin/time)';
  return `CPU ${ms(figures.cpuMs)}, peak ${mib(figures.peakMiB)}`;
}
