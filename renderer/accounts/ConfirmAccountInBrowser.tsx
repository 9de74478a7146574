import { useEffect } from 'react';
import type { AccountView } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { BrowserSignInProgress, PersonConfirmed } from '../wizard/BrowserSignInProgress';
import { useBrowserSignIn } from '../wizard/use-browser-sign-in';

interface Props {
  account: AccountView;
  onClose: () => void;
}

/**
 * Re-identifies the person behind a saved login by an approval in the browser: who they are, their exact
 * legacy login, and GP-AUTH-WRONG-LOGIN when the saved login is not it. Nothing saved changes.
 */
export function ConfirmAccountInBrowser({ account, onClose }: Props) {
  const { signIn, start, cancel } = useBrowserSignIn();
  useEffect(() => {
    void start(account.site, account.login);
  }, [start, account.site, account.login]);
  const retry = () => void start(account.site, account.login);

  if (signIn.state === 'approved') {
    const mismatch = signIn.view.loginMismatch;
    return (
      <div className="confirm-in-browser">
        <PersonConfirmed person={signIn.view.person} host={account.host} />
        {mismatch === null
          ? <p className="note" role="status">That is the login saved here, so the login itself is right.</p>
          : <FindingView finding={mismatch} />}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={onClose}>Done</button>
        </div>
      </div>
    );
  }
  return (
    <div className="confirm-in-browser">
      <BrowserSignInProgress signIn={signIn} host={account.host} onCancel={() => void cancel()} onRetry={retry} onTypeLogin={onClose} />
      {(signIn.state === 'failed' || signIn.state === 'error') && (
        <div className="actions">
          <button type="button" className="button button-quiet" onClick={onClose}>Close</button>
        </div>
      )}
    </div>
  );
}
