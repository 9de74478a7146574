import { describe, expect, it } from 'vitest';
import { practiceSiteSummary } from '../../../src/practice-site/practice-site-summary';
import { practiceSites, seededAccount } from '../../fixtures/practice-site';

const sites = practiceSites();

describe('practiceSiteSummary', () => {
  it('describes the site for --json, with the practice credentials and control URLs', async () => {
    const site = await sites.start({ method: 'default' });
    const summary = practiceSiteSummary(site);
    expect(summary).toMatchObject({
      url: site.url,
      method: 'default',
      methodDescription: 'ShotGrid login',
      tls: false,
      controls: { faults: `${site.url}/__practice/faults`, accounts: `${site.url}/__practice/accounts`, log: `${site.url}/__practice/log` },
    });
    const twoFactor = seededAccount('two-factor', 'default');
    expect(summary.accounts.find((account) => account.login === twoFactor.login)).toMatchObject({
      scenario: 'two-factor', state: '2FA on', passphrase: twoFactor.passphrase,
      twoFactorCodes: twoFactor.twoFactor?.codes, backupCodes: twoFactor.twoFactor?.backupCodes,
    });
    expect(summary.scripts).toEqual([
      expect.objectContaining({ name: 'gridpass-reader', canSudo: false }),
      expect.objectContaining({ name: 'gridpass-publisher', canSudo: true }),
    ]);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('is what GET /__practice/accounts serves', async () => {
    const site = await sites.start();
    const response = await fetch(`${site.url}/__practice/accounts`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(practiceSiteSummary(site))));
  });
});
