import { useEffect, useRef } from 'react';
import type { SiteView } from '../../src/ipc/contract';
import { ExternalLinkButton } from '../components/ExternalLinkButton';
import { PassphraseField } from '../components/PassphraseField';
import { secretLabel } from './secret-label';

interface Props {
  site: SiteView;
  login: string;
  passphrase: string;
  onLoginChange: (login: string) => void;
  onPassphraseChange: (passphrase: string) => void;
  /** Focus the login when the fields appear: the person asked to use a different one. */
  focusLogin?: boolean;
}

/** Login and passphrase, named the way this kind of site names them. */
export function LoginFields({ site, login, passphrase, onLoginChange, onPassphraseChange, focusLogin = false }: Props) {
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
          aria-describedby="login-hint"
          onChange={(event) => onLoginChange(event.target.value)}
        />
        <p id="login-hint" className="hint">Often your email address.</p>
      </div>
      <PassphraseField id="passphrase" label={secret.name} hint={secret.hint} value={passphrase} onChange={onPassphraseChange} />
      {site.links.forgotPassword && site.loginMethod === 'default' && (
        <p className="hint">
          <ExternalLinkButton url={site.links.forgotPassword} label="Forgot your password?" variant="link" />
        </p>
      )}
    </div>
  );
}
