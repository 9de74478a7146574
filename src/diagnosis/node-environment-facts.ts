import { arch, platform, release } from 'node:os';
import type { EnvironmentFacts, NetworkStackInfo } from './environment-facts';

/** The environment as Node sees it; in Electron's main process it also names Electron and Chromium. */
export function nodeEnvironmentFacts(appVersion: string, network: NetworkStackInfo, versions: NodeJS.ProcessVersions = process.versions): EnvironmentFacts {
  return {
    appVersion,
    os: { platform: platform(), release: release(), arch: arch() },
    runtime: {
      node: versions.node,
      electron: (versions as Partial<Record<string, string>>).electron ?? null,
      chromium: (versions as Partial<Record<string, string>>).chrome ?? null,
    },
    network,
  };
}
