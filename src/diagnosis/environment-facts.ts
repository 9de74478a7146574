import type { NetworkStackInfo } from '../net/network-stack';

/** Where a diagnosis ran: what support staff ask first, gathered once and shown in the report. */
export interface EnvironmentFacts {
  appVersion: string;
  os: { platform: string; release: string; arch: string };
  runtime: { node: string; electron: string | null; chromium: string | null };
  /**
   * `proxy` may be a URL, a bare `host:port`, or Chromium's resolved form (`PROXY proxy:8080; DIRECT`);
   * it is only ever shown through `describeProxy`, which drops any credentials.
   */
  network: NetworkStackInfo;
}

export type { NetworkStackInfo };
