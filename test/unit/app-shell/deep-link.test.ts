import { describe, expect, it } from 'vitest';
import { findDeepLinkArgument, parseDeepLink } from '../../../src/app-shell/deep-link';

describe('parseDeepLink', () => {
  it('reads the site from a setup link, with or without a slash, encoded or not', () => {
    expect(parseDeepLink('gridpass://setup?site=mystudio.shotgrid.autodesk.com')).toEqual({
      ok: true, link: { kind: 'setup', site: 'mystudio.shotgrid.autodesk.com' },
    });
    expect(parseDeepLink('gridpass://setup/?site=https%3A%2F%2Fmystudio.shotgrid.autodesk.com')).toEqual({
      ok: true, link: { kind: 'setup', site: 'https://mystudio.shotgrid.autodesk.com' },
    });
    expect(parseDeepLink('GRIDPASS://SETUP?site=%20studio.example%20')).toMatchObject({ ok: true, link: { site: 'studio.example' } });
  });

  it.each([
    ['https://setup?site=a', /not a gridpass:\/\/ link/],
    ['gridpass://delete?site=a', /"delete" is not a Gridpass action/],
    ['gridpass://setup/wizard?site=a', /has a path/],
    ['gridpass://setup?site=a#x', /#fragment/],
    ['gridpass://user:pw@setup?site=a', /user name, password or port/],
    ['gridpass://setup:99?site=a', /user name, password or port/],
    ['gridpass://setup?site=a&passphrase=hunter2', /unexpected parameter "passphrase"/],
    ['gridpass://setup?site=a&site=b', /exactly one "site"/],
    ['gridpass://setup', /exactly one "site"/],
    ['gridpass://setup?site=', /is empty/],
    ['gridpass://setup?site=a%0Ab', /control characters/],
    [`gridpass://setup?site=${'a'.repeat(2049)}`, /longer than 2048/],
    [`gridpass://setup?site=${'a'.repeat(5000)}`, /longer than 4096/],
    ['gridpass:', /names no action/],
    ['not a link', /not a link/],
  ])('refuses %s with a reason', (raw, reason) => {
    const result = parseDeepLink(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.reason).toMatch(/^Ignored a Gridpass link: /);
    }
  });

  it('never repeats a secret-looking parameter value in its reason', () => {
    const result = parseDeepLink('gridpass://setup?site=a&token=s3cr3t-value');
    expect(JSON.stringify(result)).not.toContain('s3cr3t-value');
  });
});

describe('findDeepLinkArgument', () => {
  it('finds the link among Chromium switches, as Windows and Linux pass it', () => {
    expect(findDeepLinkArgument(['/opt/Gridpass/gridpass', '--allow-file-access-from-files', 'gridpass://setup?site=a'])).toBe('gridpass://setup?site=a');
    expect(findDeepLinkArgument(['C:\\Gridpass\\Gridpass.exe', 'GridPass://setup?site=a'])).toBe('GridPass://setup?site=a');
  });
  it('returns null when there is none', () => {
    expect(findDeepLinkArgument(['gridpass', '--hidden', 'https://gridpass.example/'])).toBeNull();
  });
});
