import { describe, expect, it } from 'vitest';
import { createSafeOpenExternal } from '../../../main/safe-open-external';
import { ExternalLinkPolicy } from '../../../src/app-shell/external-link-policy';

function setup(failing = false) {
  const opened: string[] = [];
  const log: string[] = [];
  const open = createSafeOpenExternal({
    policy: new ExternalLinkPolicy(),
    openExternal: async (url) => { if (failing) throw new Error('no browser'); opened.push(url); },
    log: (message) => log.push(message),
  });
  return { open, opened, log };
}

describe('safeOpenExternal', () => {
  it('opens allowed pages in the browser', async () => {
    const { open, opened } = setup();
    expect(await open('https://profile.autodesk.com/')).toEqual({ ok: true });
    expect(opened).toEqual(['https://profile.autodesk.com/']);
  });

  it('logs and drops everything else', async () => {
    const { open, opened, log } = setup();
    for (const url of ['file:///etc/passwd', 'https://evil.example/', 'ms-settings:', 42]) {
      expect(await open(url)).toMatchObject({ ok: false });
    }
    expect(opened).toEqual([]);
    expect(log).toHaveLength(4);
    expect(log[1]).toBe('Did not open a link: evil.example is not on the list of pages Gridpass opens');
  });

  it('reports a browser that will not start', async () => {
    const { open } = setup(true);
    expect(await open('https://help.autodesk.com/')).toEqual({ ok: false, message: 'Your browser could not be opened.' });
  });
});
