import { useFocusOnMount } from '../components/use-focus-on-mount';

interface Props {
  code: string;
  /** Set when a code was already tried and refused. */
  refused: string | null;
  busy: boolean;
  onCodeChange: (code: string) => void;
  onCancel: () => void;
}

/** The one-time code (or a backup code) for an account with two-step verification. */
export function TwoFactorFields({ code, refused, busy, onCodeChange, onCancel }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="form panel" role="group" aria-labelledby="two-factor-title">
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
          onChange={(event) => onCodeChange(event.target.value)}
        />
      </div>
      <div>
        <button type="button" className="button button-link" onClick={onCancel} disabled={busy}>
          Use a different login
        </button>
      </div>
    </div>
  );
}
