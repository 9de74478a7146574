/**
 * The refusal panel's parts: the one action (the finding's own where the window can do it, else the typed
 * path), the steps behind the disclosure (none said elsewhere, none the window cannot do), the cause, and the
 * studio's support line. Rendered to markup with the real components; findings come from the real catalogue.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findingFor, findingForFailure } from '../../../../src/diagnosis/finding-catalogue';
import type { FindingContext } from '../../../../src/diagnosis/finding-context';
import { RefusalPanel } from '../../../../renderer/components/RefusalPanel';
import { causeOf, panelAction, visibleSteps } from '../../../../renderer/components/refusal-parts';
import { StudioSupportContext, studioSupportOf } from '../../../../renderer/components/studio-support';
import { identitySite } from '../../../fixtures/diagnosis/sites';

const refused = { kind: 'auth-rejected', code: 102, serverMessage: 'Can\'t authenticate user' } as const;
const identity: FindingContext = { loginMethod: 'oxygen', site: identitySite, login: 'jane.doe@studio.example', networkStack: 'chromium', failedLogins: 2 };
const offered = findingForFailure(refused, { ...identity, browserSignInOffered: true });
const jane = { login: 'jdoe', name: 'Jane Doe', status: 'act', lockedUntil: null };

describe('panelAction', () => {
  it('offers "confirm in your browser" when the site can tell and the window can do it', () => {
    const run = () => undefined;
    expect(panelAction(offered, { onConfirmInBrowser: run })).toEqual({ kind: 'button', label: 'Confirm who you are in your browser', run });
  });

  it('offers no browser sign-in the window cannot do; without one on the site, the site\'s page is the action', () => {
    expect(panelAction(offered, {})).toBeNull();
    const typed = findingForFailure(refused, identity);
    expect(panelAction(typed, {})).toEqual({ kind: 'link', link: { label: `Open ${new URL(identitySite.origin).host}`, url: identitySite.origin } });
  });

  it('puts the login the site knows into the field for another person\'s login', () => {
    const wrong = findingForFailure(refused, { ...identity, signedIn: jane });
    const used: string[] = [];
    const action = panelAction(wrong, { onUseLogin: (login) => used.push(login) });
    expect(action).toMatchObject({ kind: 'button', label: 'Use “jdoe” as the login' });
    if (action?.kind === 'button') action.run();
    expect(used).toEqual(['jdoe']);
  });

  it('has no action where waiting, an admin or a fresh code is the fix', () => {
    expect(panelAction(findingFor('GP-ACCOUNT-LOCKED', identity), {})).toBeNull();
    expect(panelAction(findingFor('GP-ACCOUNT-INACTIVE', identity), {})).toBeNull();
    expect(panelAction(findingFor('GP-AUTH-2FA-REJECTED', identity), {})).toBeNull();
  });
});

describe('visibleSteps', () => {
  it('leaves out the refusal count when the notice shows it, and the browser offer when the window cannot do it', () => {
    const steps = visibleSteps(offered.steps, { lockoutShown: true, canConfirmInBrowser: false });
    expect(offered.steps.map((step) => step.role)).toEqual(expect.arrayContaining(['find-out', 'lockout']));
    expect(steps.some((step) => step.role !== undefined)).toBe(false);
    expect(steps).toHaveLength(offered.steps.length - 2);
    expect(visibleSteps(offered.steps, { lockoutShown: false, canConfirmInBrowser: true })).toEqual(offered.steps);
  });
});

describe('causeOf', () => {
  it('uses the finding\'s one sentence, or the first sentence of its explanation', () => {
    expect(causeOf(findingFor('GP-AUTH-2FA-REJECTED', identity))).toBe('The verification code was wrong, already used or expired; your passphrase is not the problem.');
    expect(causeOf({ code: 'X', severity: 'error', title: 't', explanation: 'First one. Second one.', steps: [] })).toBe('First one.');
  });
});

describe('RefusalPanel', () => {
  const managed = {
    source: '/etc/gridpass/managed.json', studioName: 'Practice Pictures', site: null, siteLocked: false,
    supportContact: 'pipeline@practice.example', helpUrl: 'https://help.practice.example/gridpass', checkIntervalHours: null, extraAllowedHosts: [],
  };

  function render(withSupport: boolean): string {
    const panel = createElement(RefusalPanel, { finding: offered, lockout: createElement('p', null, 'notice'), onConfirmInBrowser: () => undefined });
    return renderToStaticMarkup(createElement(StudioSupportContext.Provider, { value: withSupport ? studioSupportOf(managed) : null }, panel));
  }

  it('shows the headline, the cause, the notice, one action and the steps behind "Show all steps"', () => {
    const html = render(false);
    expect(html).toContain(offered.title);
    expect(html).toContain(`<p class="refusal-cause">${offered.cause ?? ''}</p>`);
    expect(html.indexOf('notice')).toBeLessThan(html.indexOf('Confirm who you are in your browser'));
    expect(html).toMatch(/<details class="refusal-steps"><summary>Show all steps<\/summary>/);
    expect(html).not.toContain('refused logins for this account');
    expect(html).not.toContain('Still stuck?');
  });

  it('names the studio\'s support with its help page', () => {
    const html = render(true);
    expect(html).toContain('Still stuck? Ask <strong>pipeline@<wbr/>practice.<wbr/>example</strong>');
    expect(html).toContain('Studio help page');
  });

  it('has no support line without a contact or help page', () => {
    expect(studioSupportOf({ ...managed, supportContact: null, helpUrl: null })).toBeNull();
    expect(studioSupportOf(null)).toBeNull();
  });
});
