import { describe, expect, it } from 'vitest';
import { helpLinkHosts, helpLinks } from '../../../src/diagnosis/help-links';

describe('help links', () => {
  it('are all https with a label', () => {
    for (const link of Object.values(helpLinks)) {
      expect(new URL(link.url).protocol).toBe('https:');
      expect(link.label).not.toBe('');
    }
  });

  it('give main the hosts to allow, each once', () => {
    expect(helpLinkHosts).toEqual(expect.arrayContaining(['profile.autodesk.com', 'help.autodesk.com', 'community.shotgridsoftware.com', 'support.shotgunsoftware.com']));
    expect(new Set(helpLinkHosts).size).toBe(helpLinkHosts.length);
    expect(helpLinkHosts).toHaveLength(new Set(Object.values(helpLinks).map((link) => new URL(link.url).host)).size);
  });

  it('send people to the Autodesk profile to create a Personal Access Token', () => {
    expect(helpLinks.autodeskProfile.url).toBe('https://profile.autodesk.com/');
  });
});
