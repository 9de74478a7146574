import { homedir } from 'node:os';
import type { EnvironmentFacts } from '../diagnosis/environment-facts';
import { nodeEnvironmentFacts } from '../diagnosis/node-environment-facts';
import type { NetworkProbes } from '../diagnosis/node-network-probes';
import { createNodeFetch, type NodeFetch } from '../net/node-fetch';
import type { PracticeSite, PracticeSiteOptions } from '../practice-site/practice-site';
import { settingsHoldCountFor } from '../settings/settings-peek';
import { userDataDir } from '../settings/user-data-dir';
import { realPollClock } from '../shotgrid/browser-sign-in';
import { createBrowserSignInClient, type BrowserSignInClient } from '../shotgrid/browser-sign-in-client';
import { createShotgridClient } from '../shotgrid/create-shotgrid-client';
import type { ShotgridClient } from '../shotgrid/shotgrid-client';
import { gridpassUserAgent } from '../shotgrid/user-agent';
import { openKeychainAccess, type KeychainAccess, type KeychainOptions } from './keychain-access';
import { SecretList } from '../redaction/redact';

/**
 * Everything a command needs from the machine, created on first use: `gridpass --version` reads no
 * proxy settings and loads no keychain addon. Tests replace any part.
 */
export interface CliContext {
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The secrets this run has read; everything printed is redacted against them. */
  readonly secrets: SecretList;
  now(): Date;
  network(): NodeFetch;
  client(): ShotgridClient;
  /** Browser sign-in (App Session Launcher) on the real clock; no secret of it ever reaches the CLI. */
  browserSignIn(options: { timeoutMs: number }): BrowserSignInClient;
  probes(): NetworkProbes;
  environment(): EnvironmentFacts;
  /**
   * The keychain vault and the saved-account registry, opened once per run; the native keychain module
   * loads when first needed. A command that will read secrets says so, and the keychain opens for reads
   * while the settings are read.
   */
  keychain(options?: KeychainOptions): Promise<KeychainAccess>;
  /**
   * Whether the settings file holds a refusal count or a pause for a site's `host[:port]`, read
   * without opening the registry that `keychain` opens (see settings-peek.ts).
   */
  settingsHoldCountFor(host: string): boolean;
  startPracticeSite(options: PracticeSiteOptions): Promise<PracticeSite>;
  /** Resolves with the signal that asked a long-running command (the practice site) to stop. */
  untilStopped(): Promise<NodeJS.Signals>;
}

export type CliContextOverrides = Partial<Omit<CliContext, 'secrets'>> & { secrets?: SecretList };

export function createCliContext(overrides: CliContextOverrides = {}): CliContext {
  const version = overrides.version ?? __GRIDPASS_VERSION__;
  const platform = overrides.platform ?? process.platform;
  const env = overrides.env ?? process.env;
  const now = overrides.now ?? (() => new Date());
  const network = overrides.network ?? once(() => createNodeFetch(env as NodeJS.ProcessEnv));
  const client = overrides.client ?? once(() => createShotgridClient({ fetch: network().fetch, userAgent: gridpassUserAgent(version, platform) }));
  let opened: Promise<KeychainAccess> | null = null;
  const keychain = overrides.keychain ?? ((options?: KeychainOptions) => (opened ??= openKeychainAccess(platform, env, now, options)));
  return {
    version,
    platform,
    env,
    secrets: overrides.secrets ?? new SecretList(),
    now,
    network,
    client,
    browserSignIn: overrides.browserSignIn ?? ((options) => createBrowserSignInClient({
      fetch: network().fetch, userAgent: gridpassUserAgent(version, platform), clock: realPollClock, timeoutMs: options.timeoutMs,
    })),
    probes: overrides.probes ?? once(nodeNetworkProbesOnFirstUse),
    environment: overrides.environment ?? (() => nodeEnvironmentFacts(version, network().network)),
    keychain,
    settingsHoldCountFor: overrides.settingsHoldCountFor ?? ((host) => settingsHoldCountFor(userDataDir(platform, env, homedir()), host)),
    startPracticeSite: overrides.startPracticeSite ?? startPracticeSiteLazily,
    untilStopped: overrides.untilStopped ?? untilSignal,
  };
}

function once<T>(create: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: create() };
    return made.value;
  };
}

/** The probes load Node's net, tls and dns modules when doctor first asks, not when gridpass starts. */
function nodeNetworkProbesOnFirstUse(): NetworkProbes {
  const probes = once(async () => (await import('../diagnosis/node-network-probes')).createNodeNetworkProbes());
  return {
    resolveHost: async (...args) => (await probes()).resolveHost(...args),
    connect: async (...args) => (await probes()).connect(...args),
    tlsHandshake: async (...args) => (await probes()).tlsHandshake(...args),
  };
}

async function startPracticeSiteLazily(options: PracticeSiteOptions): Promise<PracticeSite> {
  const { startPracticeSite } = await import('../practice-site/practice-site');
  return startPracticeSite(options);
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
