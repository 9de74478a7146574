import { findingFor } from '../catalogue/catalogue';
import { isExemptFromProxy } from '../../net/no-proxy';
import { describeProxy } from '../proxy-settings';
import type { Check } from './check';
import { findingContextOf, outcome, sitePort } from './check';

/** Reports the proxy with its credentials stripped, and decides whether later checks go direct or via it. */
export const proxyCheck: Check = {
  id: 'proxy',
  name: 'Proxy',
  gatesLaterChecks: false,
  async run(context) {
    const { network } = context.deps.environment;
    const { site } = context.target;
    const route = describeProxy(network.proxy);
    const details = [`NO_PROXY: ${network.noProxy === null || network.noProxy === '' ? 'not set' : network.noProxy}`];
    if (route.kind === 'direct') {
      return outcome('pass', 'No proxy: connects directly', details);
    }
    if (route.kind === 'invalid') {
      const finding = findingFor('GP-NET-PROXY', findingContextOf(context), { detail: `${route.display}: ${route.problem}` });
      return outcome('fail', `The proxy setting cannot be used: ${route.problem}`, [`Proxy: ${route.display}`, ...details], finding);
    }
    details.unshift(`Proxy: ${route.display}`);
    if (site === null) {
      context.facts.route = route;
      return outcome('pass', `Proxy ${route.display}`, details);
    }
    if (site.isLoopback) {
      // Loopback never goes through a proxy (Chromium and Gridpass's Node stack agree): it must not leave the machine.
      return outcome('pass', `Proxy ${route.display} is set, but ${site.host} is on this computer: connects directly`, details);
    }
    if (isExemptFromProxy(site.host, sitePort(site.origin, site.port), network.noProxy)) {
      return outcome('pass', `Proxy ${route.display} is set, but ${site.host} is in NO_PROXY: connects directly`, details);
    }
    context.facts.route = route;
    return outcome('pass', `Connects to ${site.host} through proxy ${route.display}`, details);
  },
};
