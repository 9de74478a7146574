/** Which network stack carried the requests, for reports: support staff need to know whose proxy and trust store applied. */
export interface NetworkStackInfo {
  /** `node`: the CLI (undici, environment proxy, Node's CA store). `chromium`: the app (Electron `net.fetch`, system settings). */
  stack: 'node' | 'chromium';
  /** The proxy used for https sites, without any user name or password; `null` when none. */
  proxy: string | null;
  noProxy: string | null;
  /** The `NODE_EXTRA_CA_CERTS` path Node was started with, if any. */
  extraCaCerts: string | null;
  /**
   * Settings in the environment that would weaken certificate checks (`NODE_TLS_REJECT_UNAUTHORIZED=0`),
   * which Gridpass ignores; `doctor` names them. Absent or empty when there are none.
   */
  ignoredTlsSettings?: readonly string[];
}
