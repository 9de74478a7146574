import type { Check } from './check';
import { outcome } from './check';

/** Facts only: support staff read them first, and nothing here can fail. */
export const environmentCheck: Check = {
  id: 'environment',
  name: 'Environment',
  gatesLaterChecks: false,
  async run({ deps }) {
    const { appVersion, os, runtime, network } = deps.environment;
    const engine = runtime.electron === null ? `Node.js ${runtime.node}` : `Electron ${runtime.electron} (Node.js ${runtime.node})`;
    return outcome('pass', `Gridpass ${appVersion} on ${os.platform} ${os.release} (${os.arch}), ${engine}`, [
      `Gridpass version: ${appVersion}`,
      `Operating system: ${os.platform} ${os.release} (${os.arch})`,
      `Runtime: ${engine}${runtime.chromium === null ? '' : `, Chromium ${runtime.chromium}`}`,
      `Network stack: ${network.stack === 'chromium' ? 'Chromium (system proxy and trust store)' : 'Node.js (HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS)'}`,
      `Extra CA certificates: ${network.extraCaCerts ?? 'none'}`,
    ]);
  },
};
