import { helpLinks } from '../help-links';
import type { FindingFacts } from '../finding-context';
import { forEachNetworkStack, siteName, step, type FindingBuilder } from './wording';

function technical(facts: FindingFacts): string {
  return facts.detail === undefined || facts.detail === '' ? '' : ` (technical detail: ${facts.detail})`;
}

export const tlsFindings = {
  'GP-TLS-UNTRUSTED': (context, facts) => ({
    severity: 'error',
    title: 'The site\'s security certificate is not trusted on this computer',
    explanation:
      `The secure connection to ${siteName(context)} could not be verified because its certificate comes from an authority this ` +
      'computer does not trust. In studios this is almost always a company proxy that inspects secure traffic with its own ' +
      'certificate; on older Windows machines the Amazon root certificate ShotGrid uses may be missing' +
      `${technical(facts)}. Gridpass never turns certificate checks off.`,
    steps: [
      step('Ask IT whether a proxy inspects secure traffic, and for the company\'s root certificate (a .pem or .crt file).'),
      ...forEachNetworkStack(
        context,
        'Install the company root certificate in the operating system\'s trust store (IT usually does this), then restart Gridpass.',
        'Point NODE_EXTRA_CA_CERTS at the company root certificate file (PEM) before running gridpass.',
      ),
      step('On Windows without a proxy, run Windows Update so the Amazon Root CA 1 certificate is installed.', helpLinks.amazonRootCertificates),
      step('Details on NODE_EXTRA_CA_CERTS for command-line tools.', helpLinks.nodeExtraCaCerts),
    ],
  }),
  'GP-TLS-EXPIRED': (context, facts) => ({
    severity: 'error',
    title: 'The site\'s security certificate has expired or is not valid yet',
    explanation:
      `The certificate presented for ${siteName(context)} is outside its validity dates${technical(facts)}. Either the computer's ` +
      'date is wrong, or whatever answered (often a company proxy) uses an out-of-date certificate.',
    steps: [
      step('Check that this computer\'s date and time are correct and set automatically.'),
      step('If the date is right, ask IT: a proxy or firewall may present an expired certificate.'),
    ],
  }),
  'GP-TLS-WRONG-HOST': (context, facts) => ({
    severity: 'error',
    title: 'The security certificate belongs to a different address',
    explanation:
      `The server answering for ${siteName(context)} showed a certificate for another name${technical(facts)}. The address may be ` +
      'slightly wrong (for example an old *.shotgunstudio.com name), or a proxy or captive portal is answering instead of the site.',
    steps: [
      step('Check the site address; use the one your browser shows once you are signed in to the site.'),
      step('If you are on a hotel or guest network, open any web page first and sign in to the network.'),
      step('If the address is right, send the support report to IT: something between you and the site answers in its place.'),
    ],
  }),
  'GP-TLS-OTHER': (context, facts) => ({
    severity: 'error',
    title: 'The secure connection to the site failed',
    explanation:
      `The secure (TLS) connection to ${siteName(context)} could not be set up${technical(facts)}. A proxy or firewall that ` +
      'interferes with secure connections is the usual cause.',
    steps: [
      step('Try again; if the network just changed, the next attempt often works.'),
      ...forEachNetworkStack(
        context,
        'Check the computer\'s proxy settings, or ask IT whether a proxy inspects secure traffic.',
        'Check HTTPS_PROXY / NO_PROXY, and ask IT whether a proxy inspects secure traffic.',
      ),
    ],
  }),
} satisfies Record<string, FindingBuilder>;
