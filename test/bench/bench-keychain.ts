import { createNodeFetch } from '../../src/net/node-fetch';
import { startPracticeSite } from '../../src/practice-site/practice-site';
import { createShotgridClient } from '../../src/shotgrid/create-shotgrid-client';
import { parseSiteAddress } from '../../src/site/site-address';
import { createKeychainVault } from '../../src/vault/keychain-vault';
import { measureKeychainRoundTrip } from '../../src/vault/measure-round-trip';
import { removeKeychainService, uniqueKeychainService } from '../fixtures/keyring';
import { ms, ratio, type Report } from './bench-report';
import { median } from './process-runs';

/** The keychain round trip (save, read, delete), against a loopback HTTP round trip as the baseline. */
export async function benchKeychain(runs: number, report: Report): Promise<void> {
  const site = await startPracticeSite();
  const service = uniqueKeychainService('bench');
  try {
    const parsed = parseSiteAddress(site.url);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const client = createShotgridClient({ fetch: createNodeFetch({}).fetch, userAgent: 'gridpass-bench' });
    const probes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await client.probe(parsed.site);
      probes.push(performance.now() - started);
    }
    const baseline = median(probes);
    report('baseline: one loopback HTTP round trip (info)', ms(baseline), '1.00x');
    const keychain = median(await measureKeychainRoundTrip(createKeychainVault({ service }), runs));
    report('keychain round trip (save + read + delete)', ms(keychain), `${ratio(keychain, baseline)} baseline`);
  } finally {
    await removeKeychainService(service);
    await site.close();
  }
}
