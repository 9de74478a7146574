import { describe, expect, it } from 'vitest';
import { initialWizardState, visibleSteps, wizardReducer } from '../../../../renderer/wizard/wizard-state';
import type { WizardAction, WizardState } from '../../../../renderer/wizard/wizard-state';
import { sampleSite } from '../../../fixtures/browser/sample-views';

const identity = sampleSite();
const plain = sampleSite({ url: 'https://old.shotgrid.autodesk.com', loginMethod: 'default', loginMethodLabel: 'ShotGrid login' });
const sso = sampleSite({ url: 'https://sso.shotgrid.autodesk.com', loginMethod: 'saml2', loginMethodLabel: 'Single sign-on (SSO)' });
const user = { id: 7, login: 'mara', name: 'Mara', email: null, status: 'act', permissionGroup: null };

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, state);
}

describe('wizard steps', () => {
  it('knows only welcome and site until a site is found', () => {
    expect(visibleSteps(initialWizardState(''))).toEqual(['welcome', 'site']);
  });

  it('walks an Identity site through passphrase, token and binding before the check', () => {
    const state = run(initialWizardState(''), { type: 'site-found', site: identity, address: 'lumen' });
    expect(visibleSteps(state)).toEqual(['welcome', 'site', 'sign-in', 'passphrase', 'create-pat', 'bind-pat', 'verify', 'save', 'done']);
  });

  it('offers browser sign-in only where the site says the App Session Launcher is on', () => {
    const state = run(initialWizardState(''), { type: 'site-found', site: { ...identity, appSessionLauncher: false }, address: 'lumen' });
    expect(visibleSteps(state)).toEqual(['welcome', 'site', 'passphrase', 'create-pat', 'bind-pat', 'verify', 'save', 'done']);
  });

  it('skips the token steps on a site with its own logins', () => {
    const state = run(initialWizardState(''), { type: 'site-found', site: plain, address: 'old' });
    expect(visibleSteps(state)).toEqual(['welcome', 'site', 'sign-in', 'no-pat', 'verify', 'save', 'done']);
  });

  it('explains single sign-on before offering the check', () => {
    const state = run(initialWizardState(''), { type: 'site-found', site: sso, address: 'sso' });
    expect(visibleSteps(state)).toEqual(['welcome', 'site', 'sign-in', 'sso', 'verify', 'save', 'done']);
  });

  it('remembers which address the site was found for, so a later edit is looked up again', () => {
    const state = run(initialWizardState(''), { type: 'site-found', site: identity, address: 'lumen' }, { type: 'address-typed', address: 'lumenx' });
    expect(state).toMatchObject({ address: 'lumenx', site: identity, siteFoundFor: 'lumen' });
  });

  it('does not move past the site step while no site is found', () => {
    const state = run(initialWizardState('nowhere'), { type: 'next' }, { type: 'next' });
    expect(state.step).toBe('site');
  });

  it('goes back and forth without losing the address or the login', () => {
    const state = run(
      initialWizardState(''),
      { type: 'next' },
      { type: 'address-typed', address: 'lumen' },
      { type: 'site-found', site: identity, address: 'lumen' },
      { type: 'next' },
      { type: 'login-typed', login: 'mara' },
      { type: 'back' },
      { type: 'back' },
    );
    expect(state).toMatchObject({ step: 'welcome', address: 'lumen', login: 'mara', site: identity });
  });
});

describe('what a change of site or login forgets', () => {
  const verified = { verificationId: 'v-1', user, site: identity, usedTwoFactor: false };
  const proven = run(initialWizardState(''), { type: 'site-found', site: identity, address: 'lumen' }, { type: 'pat-held', length: 40 }, { type: 'verified', verified });

  it('keeps the held token and the verification when the same site is found again', () => {
    expect(run(proven, { type: 'site-found', site: identity, address: 'lumen' })).toMatchObject({ heldPat: { siteUrl: identity.url, length: 40 }, verified });
  });

  it('drops both when the address now points at another site', () => {
    expect(run(proven, { type: 'site-found', site: plain, address: 'old' })).toMatchObject({ heldPat: null, verified: null });
  });

  it('drops the verification, not the token, when the login changes', () => {
    expect(run(proven, { type: 'login-typed', login: 'someone-else' })).toMatchObject({ heldPat: { length: 40 }, verified: null });
  });

  it('takes the signed-in person\'s login, keeps it from being typed over, and forgets it on "Not you?"', () => {
    const jane = { login: 'jdoe', name: 'Jane Doe', email: 'jane.doe@studio.example', status: 'act' };
    const signedIn = run(proven, { type: 'login-typed', login: 'jane.doe@studio.example' }, { type: 'signed-in', signInId: 's-1', person: jane });
    expect(signedIn).toMatchObject({ login: 'jdoe', signedIn: { signInId: 's-1', person: jane }, verified: null });
    expect(run(signedIn, { type: 'login-typed', login: 'jane.doe@studio.example' }).login).toBe('jdoe');
    expect(run(signedIn, { type: 'not-me' })).toMatchObject({ login: '', signedIn: null });
    expect(run(signedIn, { type: 'site-found', site: plain, address: 'old' }).signedIn).toBeNull();
  });

  it('starts over at the site step with a new address and nothing proven', () => {
    expect(run(proven, { type: 'start-over', address: 'https://other.example' })).toEqual({
      ...initialWizardState('https://other.example'),
      step: 'site',
    });
  });
});
