import { describe, expect, it } from 'vitest';
import { PRACTICE_EMAIL_DOMAIN, practiceSeed } from '../../../src/practice-site/practice-seed';
import { loginMethods } from '../../../src/shotgrid/login-method';

describe('practiceSeed', () => {
  it.each(loginMethods)('gives a %s site unique ids, logins and practice credentials', (method) => {
    const { accounts, scripts } = practiceSeed(method);
    const ids = [...accounts.map((account) => account.id), ...scripts.map((script) => script.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(accounts.map((account) => account.login.toLowerCase())).size).toBe(accounts.length);
    const secrets = [...accounts.flatMap((account) => (account.passphrase === null ? [] : [account.passphrase])), ...scripts.map((script) => script.key)];
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(accounts.every((account) => account.email.endsWith(`@${PRACTICE_EMAIL_DOMAIN}`))).toBe(true);
  });

  it('seeds an Identity site with every account state, logging in by e-mail except the short-login case', () => {
    const { accounts, scripts } = practiceSeed('oxygen');
    expect(new Set(accounts.map((account) => account.scenario))).toEqual(new Set([
      'works', 'works-legacy-login', 'no-pat', 'no-passphrase', 'two-factor', 'locked', 'inactive',
      'sudo-target', 'sudo-not-allowed', 'retired', 'admin', 'legacy-login-differs',
    ]));
    for (const account of accounts) {
      if (account.scenario === 'works-legacy-login' || account.scenario === 'legacy-login-differs') expect(account.login).not.toContain('@');
      else expect(account.login).toBe(account.email);
    }
    expect(accounts.find((account) => account.scenario === 'no-pat')).toMatchObject({ patBound: false, passphrase: expect.any(String) });
    expect(accounts.find((account) => account.scenario === 'no-passphrase')).toMatchObject({ patBound: false, passphrase: null });
    expect(accounts.find((account) => account.scenario === 'inactive')).toMatchObject({ status: 'dis' });
    expect(accounts.find((account) => account.scenario === 'sudo-not-allowed')).toMatchObject({ canBeImpersonated: false });
    expect(scripts.map((script) => script.canSudo)).toEqual([false, true]);
  });

  it('seeds a person whose legacy login is not the e-mail they sign in to Autodesk with', () => {
    const jane = practiceSeed('oxygen').accounts.find((account) => account.scenario === 'legacy-login-differs');
    expect(jane).toMatchObject({ login: 'jdoe', email: 'jane.doe@studio.example', firstname: 'Jane', lastname: 'Doe', patBound: true, status: 'act' });
  });

  it('keeps SSO sites free of site passwords and of password-only states', () => {
    const { accounts } = practiceSeed('saml2');
    expect(accounts.every((account) => account.passphrase === null)).toBe(true);
    expect(accounts.map((account) => account.scenario)).toEqual(['works', 'inactive', 'sudo-target', 'sudo-not-allowed', 'retired', 'admin', 'legacy-login-differs']);
    expect(accounts.every((account) => !/passphrase set/.test(account.notes))).toBe(true);
  });
});
