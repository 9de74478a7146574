import { useState } from 'react';
import type { FormEvent } from 'react';
import { useFocusOnMount } from '../components/use-focus-on-mount';

interface Props {
  busy: boolean;
  /** Set when a code was already tried and refused. */
  refused: string | null;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}

/** The one-time code (or a backup code) for an account with two-step verification. */
export function TwoFactorForm({ busy, refused, onSubmit, onCancel }: Props) {
  const [code, setCode] = useState('');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = code.trim();
    if (!sent) return;
    setCode('');
    onSubmit(sent);
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="two-factor-title">
      <h3 id="two-factor-title" ref={heading} tabIndex={-1}>Enter your verification code</h3>
      <p>Your account uses two-step verification. Enter the code from your authenticator app, or one of your backup codes.</p>
      {refused && <p className="inline-problem" role="alert">{refused}</p>}
      <div className="field">
        <label htmlFor="two-factor-code">Verification code</label>
        <input
          id="two-factor-code"
          type="text"
          autoComplete="one-time-code"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      <div className="form-buttons">
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={busy || !code.trim()}>
          {busy ? 'Checking…' : 'Verify'}
        </button>
      </div>
    </form>
  );
}
