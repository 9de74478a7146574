import { findingFor } from '../catalogue/catalogue';
import type { Check } from './check';
import { findingContextOf, outcome, skipped } from './check';

/** A name that resolves from any working network: the vendor's own, which every site's people need anyway. */
const wellKnownName = 'autodesk.com';

export const dnsCheck: Check = {
  id: 'dns',
  name: 'DNS lookup',
  gatesLaterChecks: true,
  async run(context) {
    const { site } = context.target;
    if (site === null) return skipped('no site address given');
    const result = await context.deps.resolveHost(site.host);
    if (result.ok) {
      return outcome('pass', `${site.host} resolves to ${result.addresses.join(', ')}`, result.addresses.map((a) => `Address: ${a}`));
    }
    const details = [`Error: ${result.code}: ${result.message}`];
    const { route } = context.facts;
    if (route.kind === 'proxy') {
      // Behind a proxy only the proxy needs to resolve the name; many studio networks work exactly this way.
      return outcome('warn', `${site.host} does not resolve on this computer; the proxy ${route.display} resolves it instead`, details);
    }
    context.facts.blockedBy = 'DNS lookup failed';
    // Before blaming the address, make sure this computer can look up any name at all.
    const control = await context.deps.resolveHost(wellKnownName);
    if (!control.ok) {
      const finding = findingFor('GP-NET-NO-DNS', findingContextOf(context), { host: site.host, detail: control.code });
      details.push(`${wellKnownName} did not resolve either: ${control.code}: ${control.message}`);
      return outcome('fail', `This computer cannot look up any names: neither ${site.host} nor ${wellKnownName} resolves (${result.code})`, details, finding);
    }
    details.push(`${wellKnownName} resolves, so name lookup works on this computer`);
    const finding = findingFor('GP-NET-DNS', findingContextOf(context), { host: site.host, detail: result.code });
    return outcome('fail', `${site.host} was not found (${result.code})`, details, finding);
  },
};
