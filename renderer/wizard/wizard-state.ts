import type { AccountView, SignedInPersonView, SiteView, UserView } from '../../src/ipc/contract';
import type { WizardStepId } from './wizard-steps';
import { stepsFor } from './wizard-steps';

export interface Verified {
  verificationId: string;
  user: UserView;
  site: SiteView;
  /** The login needed a 2FA code; scheduled checks cannot type one, so the person is told at Save. */
  usedTwoFactor: boolean;
}

export type SaveOutcome = { saved: true; account: AccountView; checkIntervalHours: number } | { saved: false };

/**
 * Everything the wizard remembers between steps. Deliberately no secrets: the passphrase, the
 * 2FA code and the token live only in their own input until submitted, then go to main.
 */
export interface WizardState {
  step: WizardStepId;
  address: string;
  /** The site the address was last found to be. */
  site: SiteView | null;
  /** The address (trimmed) that `site` was found for; typing on makes it stale until looked up again. */
  siteFoundFor: string | null;
  login: string;
  /**
   * Who confirmed in the browser that they are at this computer (the login is then theirs, read-only).
   * The id lets main check a login against them before any password is sent.
   */
  signedIn: { signInId: string; person: SignedInPersonView } | null;
  /** Main is holding a pasted token for this site (its length, never the token). */
  heldPat: { siteUrl: string; length: number } | null;
  verified: Verified | null;
  outcome: SaveOutcome | null;
}

export type WizardAction =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'address-typed'; address: string }
  | { type: 'site-found'; site: SiteView | null; address: string }
  | { type: 'login-typed'; login: string }
  | { type: 'signed-in'; signInId: string; person: SignedInPersonView }
  | { type: 'not-me' }
  | { type: 'pat-held'; length: number }
  | { type: 'verified'; verified: Verified }
  | { type: 'check-another-login' }
  | { type: 'finished'; outcome: SaveOutcome }
  | { type: 'start-over'; address: string };

export function initialWizardState(address: string): WizardState {
  return { step: 'welcome', address, site: null, siteFoundFor: null, login: '', signedIn: null, heldPat: null, verified: null, outcome: null };
}

function stepsOf(state: WizardState): WizardStepId[] {
  return stepsFor(state.site?.loginMethod, state.site !== null, state.site?.appSessionLauncher === true);
}

function move(state: WizardState, by: 1 | -1): WizardState {
  const steps = stepsOf(state);
  const next = steps[steps.indexOf(state.step) + by];
  return next ? { ...state, step: next } : state;
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'next':
      return move(state, 1);
    case 'back':
      return move(state, -1);
    case 'address-typed':
      return { ...state, address: action.address };
    case 'site-found': {
      const sameSite = action.site !== null && action.site.url === state.site?.url;
      const found = { site: action.site, siteFoundFor: action.address };
      if (sameSite) return { ...state, ...found };
      // A different site invalidates everything proven for the old one.
      return { ...state, ...found, signedIn: null, heldPat: null, verified: null, outcome: null };
    }
    case 'login-typed':
      // A confirmed person's login is not typed over; "Not you?" comes first.
      if (state.signedIn !== null) return state;
      return action.login === state.login ? state : { ...state, login: action.login, verified: null };
    case 'signed-in':
      return { ...state, signedIn: { signInId: action.signInId, person: action.person }, login: action.person.login, verified: null };
    case 'not-me':
      return { ...state, signedIn: null, login: '', verified: null };
    case 'pat-held':
      return state.site ? { ...state, heldPat: { siteUrl: state.site.url, length: action.length } } : state;
    case 'verified':
      return { ...state, verified: action.verified };
    case 'check-another-login':
      return { ...state, verified: null, outcome: null };
    case 'finished':
      return { ...state, outcome: action.outcome, step: 'done' };
    case 'start-over':
      return { ...initialWizardState(action.address), step: 'site' };
  }
}

/** The steps to show in the progress list, for the current site. */
export function visibleSteps(state: WizardState): WizardStepId[] {
  return stepsOf(state);
}
