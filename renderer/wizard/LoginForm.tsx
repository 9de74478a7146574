import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SiteView } from '../../src/ipc/contract';
import { ExternalLinkButton } from '../components/ExternalLinkButton';
import { secretLabel } from './secret-label';

interface Props {
  site: SiteView;
  login: string;
  busy: boolean;
  retry: boolean;
  onLoginChange: (login: string) => void;
  onSubmit: (passphrase: string) => void;
}

/** Login and passphrase. The passphrase leaves this component once, on submit, and the field empties. */
export function LoginForm({ site, login, busy, retry, onLoginChange, onSubmit }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const secret = secretLabel(site.loginMethod);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!login.trim() || !passphrase) return;
    const sent = passphrase;
    setPassphrase('');
    onSubmit(sent);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Your login">
      <div className="field">
        <label htmlFor="login">ShotGrid login</label>
        <input
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
      <div className="field">
        <label htmlFor="passphrase">{secret.name}</label>
        <input
          id="passphrase"
          type="password"
          autoComplete="off"
          value={passphrase}
          aria-describedby="passphrase-hint"
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <p id="passphrase-hint" className="hint">{secret.hint}</p>
      </div>
      {site.links.forgotPassword && site.loginMethod === 'default' && (
        <p className="hint">
          <ExternalLinkButton url={site.links.forgotPassword} label="Forgot your password?" variant="link" />
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={busy || !login.trim() || !passphrase}>
          {busy ? 'Checking…' : retry ? 'Try again' : 'Check my login'}
        </button>
      </div>
    </form>
  );
}
