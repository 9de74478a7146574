/**
 * Which sites' pages Gridpass may open: the service, over the practice site, tells the link policy
 * about a site only once the person chose it. A site a `gridpass://setup?site=` link proposed that
 * merely answered the probe is not enough. The policy hears the service's events the way the
 * desktop controller wires them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalLinkPolicy } from '../../../src/app-shell/external-link-policy';
import { startRealService, type RealService } from '../../fixtures/real-service';
import { practiceAccount } from '../../fixtures/practice-site';

let running: RealService | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function startWithPolicy(options: Parameters<typeof startRealService>[0] = {}) {
  const real = (running = await startRealService(options));
  const policy = new ExternalLinkPolicy();
  real.service.events.on((event) => {
    if (event.type === 'site-chosen') policy.rememberSite(event.site);
  });
  // The practice site speaks http on loopback; whether its host is trusted shows on an https page of it.
  const sitePage = `https://${new URL(real.site.url).host}/page/account_settings`;
  return { real, policy, sitePage };
}

describe('sites whose pages Gridpass may open', () => {
  it('does not open pages of a site a setup link proposed that only answered the probe, until the person signs in to it', async () => {
    const { real, policy, sitePage } = await startWithPolicy({ setupSite: (site) => site.url });
    expect((await real.service.getAppState({})).setupSite).toBe(real.site.url);
    expect((await real.service.probeSite({ address: real.site.url })).ok).toBe(true);
    expect(policy.check(sitePage).allowed).toBe(false);

    const maya = practiceAccount(real.site, 'works');
    expect((await real.service.verifyLogin({ site: real.site.url, login: maya.login, passphrase: maya.passphrase! })).ok).toBe(true);
    expect(policy.check(sitePage).allowed).toBe(true);
  });

  it('opens pages of a site the person typed in the wizard once it answered', async () => {
    const { real, policy, sitePage } = await startWithPolicy();
    expect(policy.check(sitePage).allowed).toBe(false);
    expect((await real.service.probeSite({ address: real.site.url })).ok).toBe(true);
    expect(policy.check(sitePage).allowed).toBe(true);
  });

  it('does not open pages of a typed address that did not answer as a ShotGrid site', async () => {
    const { real, policy } = await startWithPolicy();
    // Nothing listens on the discard port.
    expect((await real.service.probeSite({ address: 'http://127.0.0.1:9' })).ok).toBe(false);
    expect(policy.check('https://127.0.0.1:9/page/account_settings').allowed).toBe(false);
  });
});
