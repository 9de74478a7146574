import { describe, expect, it } from 'vitest';
import { formatPracticeSiteBanner } from '../../../src/practice-site/practice-site-banner';
import { api3, practiceSites, seededAccount, seededScript } from '../../fixtures/practice-site';

const sites = practiceSites();

describe('formatPracticeSiteBanner', () => {
  it('shows the address, the login method and every account with its practice passphrase and state', async () => {
    const site = await sites.start();
    const banner = formatPracticeSiteBanner(site);
    expect(banner).toContain(`Address       ${site.url}`);
    expect(banner).toContain('Login method  oxygen (Autodesk Identity)');
    for (const account of site.accounts) {
      const row = banner.split('\n').find((line) => line.startsWith(`  ${account.login} `));
      expect(row, account.login).toBeDefined();
      expect(row).toContain(account.passphrase ?? '(none)');
    }
    expect(banner).toMatch(/jonas\.berg@studio\.example\s+no PAT bound\s+granite-meadow-08/);
  });

  it('lists the 2FA and backup codes, the scripts and the controls', async () => {
    const site = await sites.start({ tls: true });
    const banner = formatPracticeSiteBanner(site);
    const twoFactor = seededAccount('two-factor').twoFactor;
    expect(banner).toContain(`2FA codes: ${twoFactor?.codes.join(' ')}`);
    expect(banner).toContain(`backup codes: ${twoFactor?.backupCodes.join(' ')}`);
    const publisher = seededScript(true);
    expect(banner).toMatch(new RegExp(`${publisher.name}\\s+${publisher.key}\\s+yes`));
    expect(banner).toContain(`POST ${site.url}/__practice/faults`);
    expect(banner).toContain('TLS           on, self-signed practice certificate');
  });

  it('shows a lock that failed logins caused on the running site', async () => {
    const site = await sites.start();
    const account = seededAccount('admin');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await api3(site, 'get_session_token', { user_login: account.login, user_password: 'guess' });
    }
    const row = formatPracticeSiteBanner(site).split('\n').find((line) => line.startsWith(`  ${account.login} `));
    expect(row).toMatch(/locked_until \d{4}-\d\d-\d\dT/);
  });
});
