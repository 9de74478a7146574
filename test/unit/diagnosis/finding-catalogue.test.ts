import { describe, expect, it } from 'vitest';
import { findingCodes, findingFor, findingForVerified, isFindingCode } from '../../../src/diagnosis/finding-catalogue';
import type { FindingContext } from '../../../src/diagnosis/finding-context';
import { helpLinkHosts } from '../../../src/diagnosis/help-links';
import { loginMethods } from '../../../src/shotgrid/login-method';
import { identitySite } from '../../fixtures/diagnosis/sites';

const requiredCodes = [
  'GP-OK', 'GP-NET-DNS', 'GP-NET-NO-DNS', 'GP-NET-REFUSED', 'GP-NET-RESET', 'GP-NET-TIMEOUT', 'GP-NET-PROXY', 'GP-NET-OFFLINE', 'GP-NET-OTHER',
  'GP-TLS-UNTRUSTED', 'GP-TLS-EXPIRED', 'GP-TLS-WRONG-HOST', 'GP-TLS-OTHER', 'GP-SITE-HTML', 'GP-SITE-MOVED',
  'GP-SITE-MAINTENANCE', 'GP-SITE-BLOCKED', 'GP-SITE-HTTP-ERROR', 'GP-SITE-NOT-SHOTGRID', 'GP-SITE-BAD-REPLY',
  'GP-AUTH-BAD-CREDENTIALS', 'GP-AUTH-NO-PAT', 'GP-AUTH-2FA-REQUIRED', 'GP-AUTH-2FA-REJECTED', 'GP-AUTH-SSO-ONLY',
  'GP-AUTH-SESSION-EXPIRED', 'GP-AUTH-SUDO-REFUSED', 'GP-AUTH-FAULT', 'GP-ACCOUNT-LOCKED', 'GP-ACCOUNT-INACTIVE',
  'GP-CLOCK-SKEW', 'GP-KEYCHAIN-UNAVAILABLE', 'GP-KEYCHAIN-LOCKED', 'GP-KEYCHAIN-DENIED', 'GP-METHOD-UNKNOWN', 'GP-INPUT-SITE',
  'GP-ENV-TLS-OVERRIDE',
];

const contexts: FindingContext[] = [
  { loginMethod: null, site: null },
  ...loginMethods.map((loginMethod) => ({ loginMethod, site: identitySite, login: 'ana@studio.example', failedLogins: 3 })),
];

describe('the finding catalogue', () => {
  it('has every code the product promises', () => {
    expect(findingCodes).toEqual(expect.arrayContaining(requiredCodes));
  });

  it('uses stable, upper-case GP- codes, each once', () => {
    for (const code of findingCodes) expect(code).toMatch(/^GP-[A-Z0-9]+(-[A-Z0-9]+)*$/);
    expect(new Set(findingCodes).size).toBe(findingCodes.length);
  });

  it('recognises its own codes and nothing else', () => {
    expect(isFindingCode('GP-AUTH-NO-PAT')).toBe(true);
    expect(isFindingCode('GP-NOPE')).toBe(false);
    expect(isFindingCode('toString')).toBe(false);
  });

  it.each(findingCodes)('%s reads complete in every context', (code) => {
    for (const context of contexts) {
      const finding = findingFor(code, context);
      expect(finding.code).toBe(code);
      expect(finding.title.length).toBeGreaterThan(10);
      expect(finding.title).not.toContain('undefined');
      expect(finding.explanation.length).toBeGreaterThan(20);
      expect(finding.explanation).not.toMatch(/undefined|null|\[object/);
      if (code !== 'GP-OK') expect(finding.steps.length).toBeGreaterThan(0);
      for (const step of finding.steps) expect(step.text).not.toMatch(/undefined|\[object/);
    }
  });

  it.each(findingCodes)('%s links only to allow-listed help pages or the site itself', (code) => {
    for (const context of contexts) {
      for (const { link } of findingFor(code, context).steps) {
        if (link === undefined) continue;
        const url = new URL(link.url);
        expect(url.protocol).toBe('https:');
        expect([...helpLinkHosts, identitySite.host]).toContain(url.host);
        expect(link.label).not.toBe('');
      }
    }
  });

  it('reports a verified login as good news', () => {
    const finding = findingForVerified({ loginMethod: 'oxygen', site: identitySite });
    expect(finding).toMatchObject({ code: 'GP-OK', severity: 'info' });
    expect(finding.explanation).toContain(identitySite.host);
  });

  it('grades clock skew as a warning up to five minutes and an error beyond', () => {
    const context: FindingContext = { loginMethod: 'default', site: identitySite };
    expect(findingFor('GP-CLOCK-SKEW', context, { skewSeconds: 90 })).toMatchObject({ severity: 'warning', title: expect.stringContaining('90 seconds') });
    expect(findingFor('GP-CLOCK-SKEW', context, { skewSeconds: -600 })).toMatchObject({ severity: 'error', title: expect.stringContaining('10 minutes') });
  });

  it('puts the keychain self-test advice first and names the platform keychain', () => {
    const finding = findingFor('GP-KEYCHAIN-UNAVAILABLE', { loginMethod: null, site: null, platform: 'linux' }, {
      keychainBackend: 'secret-service', keychainMessage: 'org.freedesktop.secrets was not provided', keychainFix: 'Start gnome-keyring-daemon.',
    });
    expect(finding.steps[0]?.text).toBe('Start gnome-keyring-daemon.');
    expect(finding.explanation).toContain('Secret Service');
    expect(finding.explanation).toContain('org.freedesktop.secrets was not provided');
    expect(finding.steps.map((s) => s.text).join(' ')).toMatch(/never falls back to a plain file/);
  });

  it('tells macOS users to allow keychain access', () => {
    const finding = findingFor('GP-KEYCHAIN-DENIED', { loginMethod: null, site: null, platform: 'darwin' });
    expect(finding.steps.map((s) => s.text).join(' ')).toContain('Always Allow');
  });

  it('quotes an unknown login method as the site sent it', () => {
    const finding = findingFor('GP-METHOD-UNKNOWN', { loginMethod: null, site: identitySite }, { rawLoginMethod: 'okta' });
    expect(finding.explanation).toContain('"okta"');
  });

  it('passes the address parser\'s message through for bad input', () => {
    const finding = findingFor('GP-INPUT-SITE', { loginMethod: null, site: null }, { inputMessage: 'The address has a space in it.' });
    expect(finding.explanation).toBe('The address has a space in it.');
  });
});
