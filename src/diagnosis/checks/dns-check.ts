import { findingFor } from '../catalogue/catalogue';
import type { CheckDependencies } from '../check-dependencies';
import type { Finding } from '../finding';
import type { FindingContext } from '../finding-context';
import type { Check } from './check';
import { findingContextOf, outcome, skipped } from './check';

/** A name that resolves from any working network: the vendor's own, which every site's people need anyway. */
const wellKnownName = 'autodesk.com';

/** What a failed lookup of the site's name means, once a name everyone can resolve has been tried too. */
interface FailedLookup {
  anyNameResolves: boolean;
  finding: Finding;
  /** A line for the check's details. */
  detail: string;
}

/**
 * Before blaming the address (a typo), make sure this computer can look up any name at all: the one rule
 * for the doctor's DNS check, the app's Diagnose and a plain `gridpass verify` or `login`.
 */
export async function explainFailedLookup(
  resolveHost: CheckDependencies['resolveHost'], host: string, code: string | null, context: FindingContext,
): Promise<FailedLookup> {
  const control = await resolveHost(wellKnownName);
  if (!control.ok) {
    return {
      anyNameResolves: false,
      finding: findingFor('GP-NET-NO-DNS', context, { host, detail: control.code }),
      detail: `${wellKnownName} did not resolve either: ${control.code}: ${control.message}`,
    };
  }
  return {
    anyNameResolves: true,
    finding: findingFor('GP-NET-DNS', context, { host, ...(code === null ? {} : { detail: code }) }),
    detail: `${wellKnownName} resolves, so name lookup works on this computer`,
  };
}

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
    const explained = await explainFailedLookup(context.deps.resolveHost, site.host, result.code, findingContextOf(context));
    details.push(explained.detail);
    const summary = explained.anyNameResolves
      ? `${site.host} was not found (${result.code})`
      : `This computer cannot look up any names: neither ${site.host} nor ${wellKnownName} resolves (${result.code})`;
    return outcome('fail', summary, details, explained.finding);
  },
};
