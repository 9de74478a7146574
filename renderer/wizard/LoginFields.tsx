import { useEffect, useRef } from 'react';
import type { SignedInPersonView, SiteView } from '../../src/ipc/contract';
import { ExternalLinkButton } from '../components/ExternalLinkButton';
import { PassphraseField } from '../components/PassphraseField';
import { ConfirmLoginInBrowser } from './ConfirmLoginInBrowser';
import { secretLabel } from './secret-label';
import type { BrowserSignInFlow } from './use-browser-sign-in';

interface Props {
  site: SiteView;
  login: string;
  passphrase: string;
  onLoginChange: (login: string) => void;
  onPassphraseChange: (passphrase: string) => void;
  /** Focus the login when the fields appear: the person asked to use a different one. */
  focusLogin?: boolean;
  /** Who confirmed in the browser: the login is theirs and shown read-only. */
  signedIn?: SignedInPersonView | null;
  onSignedIn?: (signInId: string, person: SignedInPersonView) => void;
  /** The step's browser sign-in, on sites with the launcher; `offerStart` false while a refusal offers it. */
  browserSignIn?: { flow: BrowserSignInFlow; offerStart: boolean };
  onNotMe?: () => void;
  /** A typed login that is not the confirmed person's is being asked about: hold the submit. */
  onAsking?: (asking: boolean) => void;
}

const noAsking = () => undefined;

/** Login and passphrase, named the way this kind of site names them. */
export function LoginFields(props: Props) {
  const { site, login, passphrase, onLoginChange, onPassphraseChange, focusLogin = false, signedIn = null, onSignedIn, browserSignIn, onNotMe, onAsking = noAsking } = props;
  const secret = secretLabel(site.loginMethod);
  const loginField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusLogin) loginField.current?.focus();
  }, [focusLogin]);
  return (
    <div className="form">
      <div className="field">
        <label htmlFor="login">ShotGrid login</label>
        <input
          ref={loginField}
          id="login"
          type="text"
          autoComplete="username"
          spellCheck={false}
          value={login}
          readOnly={signedIn !== null}
          aria-describedby="login-hint"
          onChange={(event) => onLoginChange(event.target.value)}
        />
        <p id="login-hint" className="hint">
          {signedIn === null
            ? 'Often your email address.'
            : `Confirmed in your browser: ${signedIn.name ?? signedIn.login} signs in to tools as ${signedIn.login}.`}
          {signedIn !== null && onNotMe && (
            <>
              {' '}
              <button type="button" className="button button-link" onClick={onNotMe}>Not you?</button>
            </>
          )}
        </p>
      </div>
      <PassphraseField id="passphrase" label={secret.name} hint={secret.hint} value={passphrase} onChange={onPassphraseChange} />
      {/* After both fields, so Tab goes from the login straight to the passphrase. */}
      {signedIn === null && site.appSessionLauncher && onSignedIn && browserSignIn && (
        <ConfirmLoginInBrowser site={site} {...browserSignIn} typedLogin={login} onSignedIn={onSignedIn} onAsking={onAsking} />
      )}
      {site.links.forgotPassword && site.loginMethod === 'default' && (
        <p className="hint">
          <ExternalLinkButton url={site.links.forgotPassword} label="Forgot your password?" variant="link" />
        </p>
      )}
    </div>
  );
}
