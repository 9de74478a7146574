import { findingFor } from '../catalogue/catalogue';
import type { Check } from './check';
import { findingContextOf, outcome, sitePort, skipped, timeoutOf } from './check';
import { findingCodeForConnectError } from './network-error-codes';

/** Opens a TCP connection to where requests really go: the proxy when there is one, else the site. */
export const connectionCheck: Check = {
  id: 'connection',
  name: 'Connection',
  gatesLaterChecks: true,
  async run(context) {
    const { site } = context.target;
    const { facts } = context;
    if (site === null || facts.blockedBy !== null) return skipped(facts.blockedBy ?? 'no site address given');
    const viaProxy = facts.route.kind === 'proxy' ? facts.route : null;
    const host = viaProxy?.host ?? site.host;
    const port = viaProxy?.port ?? sitePort(site.origin, site.port);
    const what = viaProxy === null ? `${site.host} port ${port}` : `the proxy ${viaProxy.display}`;
    const result = await context.deps.connect(host, port, timeoutOf(context));
    if (result.ok) return outcome('pass', `Connected to ${what} in ${Math.round(result.ms)} ms`);
    facts.blockedBy = viaProxy === null ? 'could not connect to the site' : 'could not connect to the proxy';
    const code = viaProxy === null ? findingCodeForConnectError(result.code) : 'GP-NET-PROXY';
    const finding = findingFor(code, findingContextOf(context), {
      detail: `${result.code} connecting to ${what}`,
      afterMs: result.code === 'ETIMEDOUT' ? timeoutOf(context) : undefined,
    });
    return outcome('fail', `Could not connect to ${what} (${result.code})`, [`Error: ${result.code}: ${result.message}`], finding);
  },
};
