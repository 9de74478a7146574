import type { Page } from '@playwright/test';
import { lockoutThreshold } from '../../src/accounts/refusal-policy';
import type { AccountView } from '../../src/ipc/contract';
import { expect, handlersFrom, test, windowSize } from '../fixtures/browser/gridpass-app';
import { sampleAppState, sampleFinding, sampleSite } from '../fixtures/browser/sample-views';
import { scriptedHandlers } from '../fixtures/browser/scripted-handlers';
import { continueTypingLogin, stepHeading } from '../fixtures/browser/wizard-walk';

/** A real studio can have a host and a login this long; neither may widen the window. */
const longHost = 'feature-film-department-vancouver-north-shore-studios.shotgrid.autodesk.com';
const longLogin = 'firstname.middlename.lastname-freelance-compositor@vendor-with-a-long-domain.example.com';

function longAccount(overrides: Partial<AccountView>): AccountView {
  return {
    id: 'acct-long', site: `https://${longHost}`, host: longHost, login: longLogin, displayName: null, loginMethod: 'oxygen',
    health: 'failing', lastCheckedAt: '2025-01-01T10:00:00.000Z', lastCheckReason: 'manual',
    lastFinding: sampleFinding({ explanation: `Nothing answers at https://${longHost}/api3/json, from this computer.` }),
    failedLogins: 2, lockoutThreshold, checksPaused: true, unattendedChecks: 'paused', hasSavedPat: true, secretMissing: true,
    ...overrides,
  };
}

test.use({
  gridpassHandlers: handlersFrom(() =>
    scriptedHandlers({
      getAppState: async () => sampleAppState({ accountsCount: 2 }),
      listAccounts: async () => [
        longAccount({}),
        longAccount({ id: 'acct-new', health: 'unchecked', lastFinding: null, lastCheckedAt: null, failedLogins: 0, checksPaused: false, secretMissing: false }),
      ],
      listOrphans: async () => [],
      probeSite: async () => ({ ok: true, site: sampleSite({ url: `https://${longHost}` }) }),
    }),
  ),
});

/** Anything that sticks out past the right edge of the window, or makes the content scroll sideways. */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const main = document.querySelector('main');
    const problems = Array.from(document.querySelectorAll('main *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    if (main && main.scrollWidth > main.clientWidth) problems.push(`main scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    return problems;
  });
}

/**
 * Where the text of each element wraps: the characters that end a line. A login wrapped mid-word ends
 * a line with a letter; wrapped between its parts, with `@`, `.`, `-` or a space.
 */
async function lineEnds(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((css) => Array.from(document.querySelectorAll(css)).flatMap((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const chars: Array<{ char: string; top: number }> = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let index = 0; index < text.length; index += 1) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        // A space where a line wraps may collapse to no box at all: it stays on the line it ends.
        const top = range.getClientRects()[0]?.top ?? chars.at(-1)?.top ?? 0;
        chars.push({ char: text[index]!, top });
      }
    }
    // A wrap at a space may put the space's box on either line: the break is at the space either way.
    return chars.slice(0, -1).flatMap((entry, index) => {
      const next = chars[index + 1]!;
      if (next.top <= entry.top + 1) return [];
      return [/\s/.test(next.char) ? ' ' : entry.char];
    });
  }), selector);
}

for (const width of [windowSize.width, 600]) {
  test.describe(`a ${width}px wide window`, () => {
    test.use({ viewport: { width, height: windowSize.height } });

    test('long hosts and logins wrap, status labels stay whole, and step buttons wrap instead of overflowing', async ({ app }) => {
      const { page } = app;
      await app.open('accounts');
      const cards = page.getByRole('list', { name: 'Saved logins' }).locator(':scope > li');
      await expect(cards).toHaveCount(2);
      await expect(cards.first().getByText('Not working')).toBeInViewport({ ratio: 1 });
      expect(await sideways(page)).toEqual([]);
      const ends = await lineEnds(page, '.account-title, .account-sub');
      expect(ends.length).toBeGreaterThan(0);
      expect(ends.filter((char) => !/[@._\-/:+ ]/.test(char))).toEqual([]);
      await app.screenshot(`narrow-${width}-accounts`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot(`narrow-${width}-accounts-dark`);
      await app.expectAccessible();
      await page.emulateMedia({ colorScheme: 'light' });

      await app.open('setup');
      await page.getByRole('button', { name: 'Get started' }).click();
      await page.getByRole('textbox', { name: 'Site address' }).fill(`https://${longHost}/page/1234`);
      await expect(page.locator('.probe-result')).toContainText('Site found');
      expect(await sideways(page)).toEqual([]);
      await continueTypingLogin(page);

      // Three buttons with long labels: none is cut off or pushed out of the window.
      await expect(stepHeading(page, 'Set a legacy passphrase')).toBeFocused();
      for (const name of ['Back', 'I’ve already done this', 'Open Account Settings']) {
        const button = page.getByRole('button', { name });
        await button.scrollIntoViewIfNeeded();
        await expect(button).toBeInViewport({ ratio: 1 });
      }
      expect(await sideways(page)).toEqual([]);
      await app.screenshot(`narrow-${width}-step`, { fullPage: true });

      await app.open('diagnose');
      expect(await sideways(page)).toEqual([]);
    });
  });
}
