import { describe, expect, it } from 'vitest';
import { helpLinks } from '../../../src/diagnosis/help-links';
import { ExternalLinkPolicy, FIXED_EXTERNAL_HOSTS } from '../../../src/app-shell/external-link-policy';

describe('ExternalLinkPolicy', () => {
  it('opens the Autodesk pages the wizard links to', () => {
    const policy = new ExternalLinkPolicy();
    for (const host of FIXED_EXTERNAL_HOSTS) {
      expect(policy.check(`https://${host}/some/page?x=1`)).toEqual({ allowed: true, url: `https://${host}/some/page?x=1` });
    }
  });

  it('opens every help link a finding can carry', () => {
    const policy = new ExternalLinkPolicy();
    for (const link of Object.values(helpLinks)) expect(policy.check(link.url)).toEqual({ allowed: true, url: link.url });
  });

  it('opens the user\'s own sites once they are known, and not before', () => {
    const policy = new ExternalLinkPolicy();
    const page = 'https://mystudio.shotgrid.autodesk.com/page/account_settings';
    expect(policy.check(page).allowed).toBe(false);
    policy.rememberSite('https://mystudio.shotgrid.autodesk.com');
    expect(policy.check(page).allowed).toBe(true);
    expect(policy.check('https://otherstudio.shotgrid.autodesk.com/').allowed).toBe(false);
  });

  it('matches the port of a site on a non-standard port', () => {
    const policy = new ExternalLinkPolicy();
    policy.rememberSite('https://sg.studio.internal:8443');
    expect(policy.check('https://sg.studio.internal:8443/page').allowed).toBe(true);
    expect(policy.check('https://sg.studio.internal/page').allowed).toBe(false);
  });

  it('adds the studio\'s extra hosts from the managed config', () => {
    const policy = new ExternalLinkPolicy({ managedHosts: ['Wiki.Studio.Example'] });
    expect(policy.check('https://wiki.studio.example/gridpass').allowed).toBe(true);
  });

  it('never reads a managed entry that is not a plain host name as the host it starts with', () => {
    const policy = new ExternalLinkPolicy({ managedHosts: ['evil.example/.wiki.example', 'admin@evil2.example', 'evil3.example\\x', 'wiki.ok.example:8443'] });
    for (const page of ['https://evil.example/', 'https://wiki.example/', 'https://evil2.example/', 'https://evil3.example/']) {
      expect(policy.check(page).allowed).toBe(false);
    }
    expect(policy.check('https://wiki.ok.example:8443/page').allowed).toBe(true);
  });

  it.each([
    ['http://help.autodesk.com/', /only https/],
    ['file:///etc/passwd', /only https/],
    ['javascript:alert(1)', /only https/],
    ['smb://fileserver/share', /only https/],
    ['https://help.autodesk.com.evil.example/', /not on the list/],
    ['https://evil.example/?https://help.autodesk.com/', /not on the list/],
    ['https://autodesk.com@evil.example/', /user name or password/],
    ['https://user:pw@help.autodesk.com/', /user name or password/],
    ['help.autodesk.com', /not a valid address/],
    ['', /not a usable address/],
  ])('drops %s', (url, reason) => {
    const decision = new ExternalLinkPolicy().check(url);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(reason);
  });

  it('drops values that are not strings', () => {
    expect(new ExternalLinkPolicy().check({ href: 'https://help.autodesk.com/' }).allowed).toBe(false);
  });

  it('opens the loopback practice site over http only in practice mode', () => {
    expect(new ExternalLinkPolicy().check('http://127.0.0.1:3456/page').allowed).toBe(false);
    const practice = new ExternalLinkPolicy({ allowLoopbackHttp: true });
    expect(practice.check('http://127.0.0.1:3456/page').allowed).toBe(true);
    expect(practice.check('http://localhost:3456/page').allowed).toBe(true);
    expect(practice.check('http://example.com/').allowed).toBe(false);
  });
});
