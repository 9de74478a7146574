import { useEffect } from 'react';
import type { SignedInPersonView, SiteView } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { BrowserSignInProgress } from './BrowserSignInProgress';
import type { BrowserSignInFlow } from './use-browser-sign-in';

interface Props {
  site: SiteView;
  /** The step's one sign-in: a refusal panel's action starts the same one, and its answer shows here. */
  flow: BrowserSignInFlow;
  /** Offer the start here; false while a refusal panel offers it as its action. */
  offerStart: boolean;
  /** What the person typed so far: when the approval is someone else's login, Gridpass says so first. */
  typedLogin: string;
  onSignedIn: (signInId: string, person: SignedInPersonView) => void;
  /** Whether Gridpass is asking about a login that is not the person's: nothing is sent until it is answered. */
  onAsking: (asking: boolean) => void;
}

/**
 * "Not sure of your login?" beside a typed login: the browser tells who the person is. A login that is
 * not theirs is shown as GP-AUTH-WRONG-LOGIN, before anything is sent, with the one to use instead.
 */
export function ConfirmLoginInBrowser({ site, flow, offerStart, typedLogin, onSignedIn, onAsking }: Props) {
  const { signIn, start, cancel, reset } = flow;
  const approved = signIn.state === 'approved' ? signIn : null;
  const mismatch = approved?.view.loginMismatch ?? null;
  useEffect(() => {
    if (approved !== null && approved.view.loginMismatch === null) onSignedIn(approved.signInId, approved.view.person);
  }, [approved, onSignedIn]);
  const asking = mismatch !== null;
  useEffect(() => {
    onAsking(asking);
    return () => onAsking(false);
  }, [asking, onAsking]);

  if (approved !== null && mismatch !== null) {
    return (
      <div className="sign-in-ended">
        <FindingView finding={mismatch} focusOnShow />
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => onSignedIn(approved.signInId, approved.view.person)}>
            Use “{approved.view.person.login}”
          </button>
          <button type="button" className="button button-secondary" onClick={reset}>Keep what I typed</button>
        </div>
      </div>
    );
  }
  if (signIn.state === 'idle') {
    if (!offerStart) return null;
    return (
      <p className="hint">
        Not sure of your login?{' '}
        <button type="button" className="button button-link" onClick={() => void start(site.url, typedLogin)}>
          Confirm who you are in your browser
        </button>{' '}
        (no passphrase is sent).
      </p>
    );
  }
  return <BrowserSignInProgress signIn={signIn} host={site.host} onCancel={() => void cancel()} onRetry={() => void start(site.url, typedLogin)} onTypeLogin={reset} />;
}
