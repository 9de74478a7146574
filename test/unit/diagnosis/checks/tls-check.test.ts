/**
 * The certificate and the handshake error are the server's words: a server the person already sent a
 * passphrase to (earlier in the app's session) may put it into the issuer or the names it presents.
 */
import { expect, it } from 'vitest';
import { runChecks } from '../../../../src/diagnosis/run-checks';
import { healthyDependencies } from '../../../fixtures/diagnosis/check-dependencies';
import { identitySite } from '../../../fixtures/diagnosis/sites';
import { leakedFragments, plantedSecret } from '../../../fixtures/plant-secret';

const passphrase = plantedSecret('passphrase', { spice: 'Ünïcødé"q-' });
const twoFactorCode = plantedSecret('2fa-code');
const target = { site: identitySite, login: 'ana@studio.example', passphrase, twoFactorCode };
const cutOff = (secret: string): string => secret.slice(secret.length - 12).toUpperCase();

it('shows no fragment of the passphrase or code a certificate echoes in its issuer', async () => {
  const issuer = `Portal CA ${cutOff(passphrase)} ${encodeURIComponent(twoFactorCode)}`;
  const results = await runChecks(target, healthyDependencies({ tlsHandshake: async () => ({ ok: true, protocol: 'TLSv1.3', issuer, validTo: cutOff(passphrase) }) }));
  const tls = results.find((result) => result.id === 'tls')!;
  expect(tls).toMatchObject({ status: 'pass', details: [`Protocol: TLSv1.3`, `Issuer: Portal CA [redacted] [redacted]`, 'Valid until: [redacted]'] });
  expect(leakedFragments(JSON.stringify(results), [passphrase, twoFactorCode])).toEqual([]);
});

it('shows no fragment of them in a handshake error that quotes the names the server presented', async () => {
  const message = `Hostname/IP does not match certificate's altnames: Host: studio. is not in the cert's altnames: DNS:${cutOff(passphrase)}.portal.example`;
  const results = await runChecks(target, healthyDependencies({ tlsHandshake: async () => ({ ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID', message }) }));
  const tls = results.find((result) => result.id === 'tls')!;
  expect(tls).toMatchObject({ status: 'fail', finding: { code: 'GP-TLS-WRONG-HOST' } });
  expect(tls.details.join('\n')).toContain("is not in the cert's altnames: DNS:[redacted].portal.example");
  expect(leakedFragments(JSON.stringify(results), [passphrase])).toEqual([]);
});
