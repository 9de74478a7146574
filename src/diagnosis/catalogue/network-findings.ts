import { helpLinks } from '../help-links';
import type { FindingContext } from '../finding-context';
import { forEachNetworkStack, formatDuration, siteName, step, type FindingBuilder } from './wording';

/** A bare name like `mystudio` is never expanded by ShotGrid's own tools; suggest the full address. */
function fullAddressHint(host: string): string {
  return host.includes('.')
    ? 'The full address usually looks like https://yourstudio.shotgrid.autodesk.com.'
    : `"${host}" is not a full address. You probably mean https://${host}.shotgrid.autodesk.com.`;
}

function proxySteps(context: FindingContext) {
  return forEachNetworkStack(
    context,
    'The app uses your computer\'s proxy settings. Check them (or ask IT which proxy to use), then try again.',
    'Set HTTPS_PROXY to the proxy as http://host:port (port 8080 if IT gave none), and list hosts that must not use it in NO_PROXY.',
  );
}

export const networkFindings = {
  'GP-NET-DNS': (context, facts) => {
    const host = facts.host ?? context.site?.host ?? 'the site';
    return {
      severity: 'error',
      title: `The site address "${host}" was not found`,
      explanation:
        `Your computer could not find any server called "${host}". Usually the address has a typo or is incomplete; ` +
        'sometimes the network (or VPN) you are on cannot see it.',
      steps: [
        step(`Check the spelling of the site address. ${fullAddressHint(host)}`),
        step('Open the same address in your web browser. If the browser cannot find it either, check your network or VPN connection.'),
        step('If your studio uses a VPN for ShotGrid, connect to it and try again.'),
      ],
    };
  },
  'GP-NET-NO-DNS': (_context, facts) => ({
    severity: 'error',
    title: 'This computer cannot look up any names',
    explanation:
      `Not only the site: this computer could not look up a well-known address either${facts.detail === undefined ? '' : ` (${facts.detail})`}. ` +
      'So the site address is probably fine; the computer is offline, its name service (DNS) is broken, or the VPN it needs is down.',
    steps: [
      step('Check that you are connected to the network (Wi-Fi or cable) and that web pages load in your browser.'),
      step('If your studio uses a VPN, connect to it (or reconnect) and try again.'),
      step('If web pages do not load either, restart the network connection or ask IT: the computer\'s DNS settings may be wrong.'),
    ],
  }),
  'GP-NET-REFUSED': (context) => ({
    severity: 'error',
    title: `${siteName(context)} refused the connection`,
    explanation:
      'The server was found, but nothing accepted the connection on that address and port. The port may be wrong, ' +
      'the server may be down, or a firewall may be turning the connection away.',
    steps: [
      step('Check the site address, and remove any port number (":1234") unless your studio gave you one.'),
      step('Open the site in your web browser. If it does not load there either, ask IT whether a firewall blocks it.'),
      ...proxySteps(context),
    ],
  }),
  'GP-NET-RESET': (context) => ({
    severity: 'error',
    title: `The connection to ${siteName(context)} was cut off`,
    explanation:
      'The connection was opened and then dropped before the site answered. This is usually a proxy, firewall or ' +
      'security software ending the connection, or an unstable network.',
    steps: [
      step('Try again in a minute; if the network was changing (Wi-Fi, VPN) the next attempt often works.'),
      step('If it keeps happening, ask IT whether a proxy or firewall blocks or inspects connections to the site.'),
      ...proxySteps(context),
    ],
  }),
  'GP-NET-TIMEOUT': (context, facts) => ({
    severity: 'error',
    title: `${siteName(context)} did not answer in time`,
    explanation:
      `No answer came back${facts.afterMs === undefined ? '' : ` within ${formatDuration(facts.afterMs)}`}. The network may be ` +
      'slow or blocked on the way, or the site may be overloaded.',
    steps: [
      step('Check that other web pages load, then try again.'),
      step('If you are on a VPN or a guest network, try the other one, or ask IT whether the site is reachable from here.'),
      step('If the site is slow for everyone, it may be busy: check Autodesk\'s service status.', helpLinks.autodeskStatus),
    ],
  }),
  'GP-NET-PROXY': (context, facts) => ({
    severity: 'error',
    title: 'The proxy server refused or failed the connection',
    explanation:
      'Connections from this computer go through a proxy server, and the proxy did not pass the request on' +
      `${facts.detail === undefined ? '' : ` (${facts.detail})`}. The proxy address may be wrong, it may need a sign-in, ` +
      'or it may not allow this site.',
    steps: [
      ...proxySteps(context),
      step('If the proxy needs a user name and password, ask IT how tools should sign in to it, or to let the site through.'),
      step(`Ask IT to allow ${siteName(context)} through the proxy.`),
    ],
  }),
  'GP-NET-OFFLINE': () => ({
    severity: 'error',
    title: 'This computer is not connected to a network that reaches the site',
    explanation: 'The computer has no network route to the site: it looks offline, or the network or VPN just changed.',
    steps: [
      step('Check that you are connected to the network (Wi-Fi or cable) and that other web pages load.'),
      step('If your studio uses a VPN for ShotGrid, connect to it and try again.'),
    ],
  }),
  'GP-NET-OTHER': (_context, facts) => ({
    severity: 'error',
    title: 'The connection to the site failed',
    explanation:
      `The request could not be completed${facts.detail === undefined ? '' : ` (${facts.detail})`}. This is a network ` +
      'problem between this computer and the site, not a problem with your account.',
    steps: [
      step('Check that other web pages load, then try again.'),
      step('If it keeps failing, send the support report to IT: it names the exact network error.'),
    ],
  }),
} satisfies Record<string, FindingBuilder>;
