import { findingFor } from '../catalogue/catalogue';
import type { Check } from './check';
import { findingContextOf, outcome } from './check';

/**
 * Facts support staff read first; nothing here can fail. A setting that would turn certificate checks
 * off (Gridpass ignores it) is a warning, so nobody believes it took effect.
 */
export const environmentCheck: Check = {
  id: 'environment',
  name: 'Environment',
  gatesLaterChecks: false,
  async run(context) {
    const { appVersion, os, runtime, network } = context.deps.environment;
    const engine = runtime.electron === null ? `Node.js ${runtime.node}` : `Electron ${runtime.electron} (Node.js ${runtime.node})`;
    const ignored = network.ignoredTlsSettings ?? [];
    const summary = `Gridpass ${appVersion} on ${os.platform} ${os.release} (${os.arch}), ${engine}`;
    const details = [
      `Gridpass version: ${appVersion}`,
      `Operating system: ${os.platform} ${os.release} (${os.arch})`,
      `Runtime: ${engine}${runtime.chromium === null ? '' : `, Chromium ${runtime.chromium}`}`,
      `Network stack: ${network.stack === 'chromium' ? 'Chromium (system proxy and trust store)' : 'Node.js (HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS)'}`,
      `Extra CA certificates: ${network.extraCaCerts ?? 'none'}`,
      ...ignored.map((setting) => `Ignored: ${setting} (certificate checks stay on)`),
    ];
    if (ignored.length === 0) return outcome('pass', summary, details);
    const finding = findingFor('GP-ENV-TLS-OVERRIDE', findingContextOf(context), { detail: ignored.join(' and ') });
    return outcome('warn', `${summary}; ignores ${ignored.join(', ')}`, details, finding);
  },
};
