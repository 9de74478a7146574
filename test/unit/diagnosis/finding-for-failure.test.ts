import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/diagnosis/finding';
import { findingForFailure } from '../../../src/diagnosis/finding-catalogue';
import type { FindingContext } from '../../../src/diagnosis/finding-context';
import { helpLinks } from '../../../src/diagnosis/help-links';
import type { Failure } from '../../../src/shotgrid/failure';
import { loginMethods, type LoginMethod } from '../../../src/shotgrid/login-method';
import { identitySite, oldNameSite, siteAt } from '../../fixtures/diagnosis/sites';

const methods: Array<LoginMethod | null> = [...loginMethods, null];

function contextFor(loginMethod: LoginMethod | null, extra: Partial<FindingContext> = {}): FindingContext {
  return { loginMethod, site: identitySite, login: 'ana@studio.example', ...extra };
}

function allText(finding: Finding): string {
  return [finding.title, finding.explanation, ...finding.steps.map((s) => s.text)].join('\n');
}

/** Failures whose meaning does not depend on how the site logs people in. */
const sameForEveryMethod: Array<[Failure, string]> = [
  [{ kind: 'dns', host: 'mystudio' }, 'GP-NET-DNS'],
  [{ kind: 'refused' }, 'GP-NET-REFUSED'],
  [{ kind: 'reset' }, 'GP-NET-RESET'],
  [{ kind: 'timeout', afterMs: 15_000 }, 'GP-NET-TIMEOUT'],
  [{ kind: 'tls-untrusted', detail: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }, 'GP-TLS-UNTRUSTED'],
  [{ kind: 'tls-expired', detail: 'CERT_HAS_EXPIRED' }, 'GP-TLS-EXPIRED'],
  [{ kind: 'tls-wrong-host', detail: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'GP-TLS-WRONG-HOST'],
  [{ kind: 'tls-other', detail: 'EPROTO' }, 'GP-TLS-OTHER'],
  [{ kind: 'proxy', detail: 'ERR_PROXY_CONNECTION_FAILED' }, 'GP-NET-PROXY'],
  [{ kind: 'network', detail: 'connect ENETUNREACH 10.0.0.1:443' }, 'GP-NET-OFFLINE'],
  [{ kind: 'network', detail: 'net::ERR_INTERNET_DISCONNECTED' }, 'GP-NET-OFFLINE'],
  [{ kind: 'network', detail: 'socket hang up' }, 'GP-NET-OTHER'],
  [{ kind: 'redirect', status: 301, location: 'https://mystudio.shotgrid.autodesk.com/api3/json' }, 'GP-SITE-MOVED'],
  [{ kind: 'maintenance', status: 503 }, 'GP-SITE-MAINTENANCE'],
  [{ kind: 'http-error', status: 403, bodyExcerpt: 'API access is disabled' }, 'GP-SITE-BLOCKED'],
  [{ kind: 'http-error', status: 407, bodyExcerpt: '' }, 'GP-NET-PROXY'],
  [{ kind: 'http-error', status: 502, bodyExcerpt: '' }, 'GP-SITE-MAINTENANCE'],
  [{ kind: 'http-error', status: 404, bodyExcerpt: 'Not Found' }, 'GP-SITE-HTTP-ERROR'],
  [{ kind: 'http-error', status: 500, bodyExcerpt: 'Internal Server Error' }, 'GP-SITE-HTTP-ERROR'],
  [{ kind: 'html', status: 200, pageTitle: 'Guest Wi-Fi login' }, 'GP-SITE-HTML'],
  [{ kind: 'html', status: 403, pageTitle: 'Access denied' }, 'GP-SITE-BLOCKED'],
  [{ kind: 'not-json', status: 200, contentType: 'text/plain' }, 'GP-SITE-BAD-REPLY'],
  [{ kind: 'too-large', limitBytes: 1_048_576 }, 'GP-SITE-BAD-REPLY'],
  [{ kind: 'malformed', detail: 'Unexpected token < in JSON' }, 'GP-SITE-BAD-REPLY'],
  [{ kind: 'not-shotgrid', detail: 'info has no version' }, 'GP-SITE-NOT-SHOTGRID'],
  [{ kind: 'auth-rejected', code: 110, serverMessage: 'not allowed for an Autodesk Identity enabled site' }, 'GP-AUTH-NO-PAT'],
  [{ kind: 'two-factor-required', serverMessage: 'Missing argument for 2FA login' }, 'GP-AUTH-2FA-REQUIRED'],
  [{ kind: 'two-factor-rejected', serverMessage: 'Invalid 2FA code' }, 'GP-AUTH-2FA-REJECTED'],
  [{ kind: 'sso-only', serverMessage: 'not allowed for an SSO-enabled site' }, 'GP-AUTH-SSO-ONLY'],
  [{ kind: 'account-locked', serverMessage: 'Account locked' }, 'GP-ACCOUNT-LOCKED'],
  [{ kind: 'account-inactive', detail: 'sg_status_list is dis' }, 'GP-ACCOUNT-INACTIVE'],
  [{ kind: 'session-expired', serverMessage: 'Session expired' }, 'GP-AUTH-SESSION-EXPIRED'],
  [{ kind: 'sudo-refused', targetLogin: 'bob', serverMessage: "Cannot 'sudo' - inactive user account: 'bob'" }, 'GP-AUTH-SUDO-REFUSED'],
  [{ kind: 'fault', code: 999, serverMessage: 'Something new' }, 'GP-AUTH-FAULT'],
];

describe('findingForFailure', () => {
  describe.each(methods)('on a site whose login method is %s', (method) => {
    it.each(sameForEveryMethod)('%o -> %s', (failure, code) => {
      expect(findingForFailure(failure, contextFor(method)).code).toBe(code);
    });
  });

  it.each<[LoginMethod | null, string]>([
    ['oxygen', 'GP-AUTH-NO-PAT'],
    ['default', 'GP-AUTH-BAD-CREDENTIALS'],
    ['ldap', 'GP-AUTH-BAD-CREDENTIALS'],
    ['saml2', 'GP-AUTH-BAD-CREDENTIALS'],
    [null, 'GP-AUTH-BAD-CREDENTIALS'],
  ])('reads a refused passphrase (102) on a %s site as %s', (method, code) => {
    const failure: Failure = { kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'ana'." };
    expect(findingForFailure(failure, contextFor(method)).code).toBe(code);
  });

  it.each<[FindingContext['credential'], string]>([
    ['script-key', 'GP-AUTH-BAD-SCRIPT-KEY'],
    ['session-token', 'GP-AUTH-SESSION-EXPIRED'],
    ['passphrase', 'GP-AUTH-NO-PAT'],
  ])('reads a 102 for a %s credential as %s', (credential, code) => {
    const failure: Failure = { kind: 'auth-rejected', code: 102, serverMessage: 'Authentication failed' };
    expect(findingForFailure(failure, contextFor('oxygen', { credential })).code).toBe(code);
  });

  describe('a refused login on an Autodesk Identity site', () => {
    const finding = findingForFailure({ kind: 'auth-rejected', code: 102, serverMessage: "Can't authenticate user 'ana'." }, contextFor('oxygen', { failedLogins: 2 }));
    const text = allText(finding);

    it('covers every cause the server hides behind one answer', () => {
      expect(finding.explanation).toMatch(/passphrase may be wrong/);
      expect(finding.explanation).toMatch(/no legacy passphrase/);
      expect(finding.explanation).toMatch(/no token\s+may be bound/);
      expect(finding.explanation).toMatch(/token may have been deleted/);
      expect(finding.explanation).toContain('Autodesk password does not work');
    });

    it('walks through passphrase, PAT and Bind in order', () => {
      const order = ['Account Settings', 'set a legacy passphrase', 'Personal Access Tokens, then Generate', 'click Bind', 'legacy passphrase, not your Autodesk password'];
      const stepIndexes = order.map((needle) => finding.steps.findIndex((s) => s.text.includes(needle)));
      expect(stepIndexes).toEqual([0, 1, 2, 3, 4]);
    });

    it('links the Autodesk profile for the PAT and the site itself for Account Settings', () => {
      const links = finding.steps.flatMap((s) => (s.link === undefined ? [] : [s.link.url]));
      expect(links).toContain(helpLinks.autodeskProfile.url);
      expect(links).toContain(identitySite.origin);
      expect(text).toContain('Account Settings');
      expect(text).toMatch(/shown only once/);
      expect(text).toMatch(/not your Autodesk password/);
    });

    it('names the login to use and how close the account is to a lockout', () => {
      expect(text).toContain('"ana@studio.example"');
      expect(text).toContain('2 refused logins');
      expect(text).toContain('8 left');
    });

    it('shows the server\'s own message as is', () => {
      expect(finding.explanation).toMatch(/The site said: "Can't authenticate user 'ana'\."$/);
    });
  });

  it('offers a password reset page only on sites with their own passwords', () => {
    const failure: Failure = { kind: 'auth-rejected', code: 102, serverMessage: '' };
    const defaultLinks = findingForFailure(failure, contextFor('default')).steps.map((s) => s.link?.url);
    const ldapLinks = findingForFailure(failure, contextFor('ldap')).steps.map((s) => s.link?.url);
    expect(defaultLinks).toContain(`${identitySite.origin}/user/forgot_password`);
    expect(ldapLinks).not.toContain(`${identitySite.origin}/user/forgot_password`);
    expect(allText(findingForFailure(failure, contextFor('ldap')))).toMatch(/LDAP/);
  });

  it('tells SSO users what works instead of a password', () => {
    const text = allText(findingForFailure({ kind: 'sso-only', serverMessage: 'SSO only' }, contextFor('saml2')));
    expect(text).toMatch(/script key/);
    expect(text).toMatch(/legacy logins/);
    expect(text).toMatch(/App Session Launcher/);
  });

  it('explains single-use codes, backup codes and the clock when a 2FA code is refused', () => {
    const text = allText(findingForFailure({ kind: 'two-factor-rejected', serverMessage: '' }, contextFor('default')));
    expect(text).toMatch(/only once/);
    expect(text).toMatch(/backup code/);
    expect(text).toMatch(/date and time/);
  });

  it('says a lock lasts an hour, who can clear it, and that Gridpass never retries', () => {
    const text = allText(findingForFailure({ kind: 'account-locked', serverMessage: 'locked' }, contextFor('default')));
    expect(text).toMatch(/one hour/);
    expect(text).toContain('Locked Until');
    expect(text).toMatch(/never retries/);
  });

  it('asks for an admin with a PAT to reactivate users on Identity sites only', () => {
    const failure: Failure = { kind: 'account-inactive', detail: '' };
    expect(allText(findingForFailure(failure, contextFor('oxygen')))).toMatch(/Personal Access Token/);
    expect(allText(findingForFailure(failure, contextFor('default')))).not.toMatch(/Personal Access Token/);
  });

  it('names the renamed host when an old shotgunstudio.com address redirects', () => {
    const finding = findingForFailure(
      { kind: 'redirect', status: 301, location: 'https://mystudio.shotgrid.autodesk.com/api3/json' },
      { loginMethod: null, site: oldNameSite },
    );
    expect(finding.title).toContain('mystudio.shotgrid.autodesk.com');
    expect(finding.explanation).toMatch(/renamed/);
    expect(finding.steps[0]?.link?.url).toBe('https://mystudio.shotgrid.autodesk.com');
  });

  it('suspects a network sign-in page when a redirect leaves ShotGrid', () => {
    const finding = findingForFailure({ kind: 'redirect', status: 302, location: 'http://10.0.0.1/portal' }, contextFor(null));
    expect(finding.explanation).toMatch(/sign-in page/);
  });

  it('handles a redirect without a location', () => {
    const finding = findingForFailure({ kind: 'redirect', status: 302, location: null }, contextFor(null));
    expect(finding.title).toBe('The site redirects elsewhere');
  });

  it('suggests the full cloud address for a bare site name', () => {
    const finding = findingForFailure({ kind: 'dns', host: 'mystudio' }, { loginMethod: null, site: siteAt('https://mystudio') });
    expect(allText(finding)).toContain('https://mystudio.shotgrid.autodesk.com');
  });

  it('names the captive page title when a web page answers', () => {
    const finding = findingForFailure({ kind: 'html', status: 200, pageTitle: 'Guest Wi-Fi login' }, contextFor('default'));
    expect(finding.explanation).toContain('"Guest Wi-Fi login"');
  });

  it('ends the sentence after a server message without its own full stop', () => {
    const finding = findingForFailure({ kind: 'sso-only', serverMessage: 'SSO only' }, contextFor('saml2'));
    expect(finding.explanation).toContain('The site said: "SSO only".');
  });

  it('bounds a long server message', () => {
    const finding = findingForFailure({ kind: 'fault', code: 500, serverMessage: 'x'.repeat(5000) }, contextFor('default'));
    expect(finding.explanation.length).toBeLessThan(600);
    expect(finding.title).toContain('500');
  });

  describe('untrusted certificates', () => {
    const failure: Failure = { kind: 'tls-untrusted', detail: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' };

    it('gives the command line tool NODE_EXTRA_CA_CERTS and the app the OS trust store', () => {
      const cli = allText(findingForFailure(failure, contextFor(null, { networkStack: 'node' })));
      const app = allText(findingForFailure(failure, contextFor(null, { networkStack: 'chromium' })));
      expect(cli).toContain('NODE_EXTRA_CA_CERTS');
      expect(app).toMatch(/trust store/);
      expect(app).not.toMatch(/Point NODE_EXTRA_CA_CERTS/);
    });

    it('covers both when the stack is unknown, plus the Windows root CA', () => {
      const text = allText(findingForFailure(failure, contextFor(null)));
      expect(text).toContain('In the Gridpass app');
      expect(text).toContain('In the gridpass command');
      expect(text).toContain('Amazon Root CA 1');
      expect(text).toMatch(/never turns certificate checks off/);
    });
  });
});
