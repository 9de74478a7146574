import { useState, type KeyboardEvent } from 'react';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}

/**
 * A passphrase field that can be shown while typing (long passphrases are easy to mistype, and every
 * mistyped try counts towards ShotGrid's lockout) and that warns when Caps Lock is on.
 */
export function PassphraseField({ id, label, hint, value, onChange, autoFocus = false }: Props) {
  const [shown, setShown] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const watchCapsLock = (event: KeyboardEvent<HTMLInputElement>) => setCapsLock(event.getModifierState('CapsLock'));
  const hintId = `${id}-hint`;
  const capsId = `${id}-caps`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-input">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          value={value}
          aria-describedby={capsLock ? `${hintId} ${capsId}` : hintId}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={watchCapsLock}
          onKeyUp={watchCapsLock}
          onBlur={() => setCapsLock(false)}
        />
        <button type="button" className="button button-quiet" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      {capsLock && <p id={capsId} className="hint hint-warning" role="status">Caps Lock is on.</p>}
      <p id={hintId} className="hint">{hint}</p>
    </div>
  );
}
