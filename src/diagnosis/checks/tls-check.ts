import { findingFor } from '../catalogue/catalogue';
import type { Check } from './check';
import { findingContextOf, outcome, sitePort, skipped, timeoutOf } from './check';
import { findingCodeForTlsError } from './network-error-codes';
import { serverExcerpt } from '../../shotgrid/server-text';

/** Verifies the certificate the way the client will: full chain, host name, never with checks turned off. */
export const tlsCheck: Check = {
  id: 'tls',
  name: 'TLS certificate',
  gatesLaterChecks: true,
  async run(context) {
    const { site } = context.target;
    const { facts } = context;
    if (site === null || facts.blockedBy !== null) return skipped(facts.blockedBy ?? 'no site address given');
    if (!site.origin.startsWith('https:')) {
      return skipped(site.isLoopback ? 'plain http on loopback (practice site)' : 'the site address is plain http');
    }
    if (facts.route.kind === 'proxy') {
      return skipped(`requests go through the proxy ${facts.route.display}; the site check covers TLS`);
    }
    const port = sitePort(site.origin, site.port);
    const result = await context.deps.tlsHandshake(site.host, port, timeoutOf(context));
    // The certificate and the handshake error quote what the server chose (issuer, names, dates): server
    // text, and a server the person already sent a passphrase to this session may echo it there.
    const { passphrase, twoFactorCode } = context.target;
    const fromServer = (text: string): string => serverExcerpt(text, [passphrase, twoFactorCode]);
    if (result.ok) {
      const [protocol, issuer, validTo] = [result.protocol, result.issuer, result.validTo].map(fromServer);
      return outcome('pass', `${protocol}, certificate issued by ${issuer}, valid until ${validTo}`, [
        `Protocol: ${protocol}`,
        `Issuer: ${issuer}`,
        `Valid until: ${validTo}`,
      ]);
    }
    facts.blockedBy = 'TLS handshake failed';
    const finding = findingFor(findingCodeForTlsError(result.code), findingContextOf(context), { detail: result.code, afterMs: timeoutOf(context) });
    return outcome('fail', `The secure connection to ${site.host} failed (${result.code})`, [`Error: ${fromServer(`${result.code}: ${result.message}`)}`], finding);
  },
};
