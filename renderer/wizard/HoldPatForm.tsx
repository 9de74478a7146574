import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { focusIfLost } from '../components/focus-if-lost';
import { StatusLabel } from '../components/StatusLabel';
import { describeCallError, gridpass } from '../gridpass';

interface Props {
  siteUrl: string;
  heldLength: number | null;
  onHeld: (length: number) => void;
}

/**
 * Optional: hand the freshly made token to Gridpass so it can copy it again in the next step.
 * The field is emptied the moment the token is sent; main answers with its length only.
 */
export function HoldPatForm({ siteUrl, heldLength, onHeld }: Props) {
  const [pat, setPat] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pat) return;
    const sent = pat;
    setPat('');
    setBusy(true);
    try {
      const result = await gridpass().holdPat({ site: siteUrl, pat: sent });
      if (result.ok) {
        setMessage(null);
        onHeld(result.length);
      } else {
        setMessage(result.message);
      }
    } catch (error) {
      setMessage(describeCallError(error));
    } finally {
      setBusy(false);
      // "Keep it here" is disabled once the field is emptied; the field is where to go next.
      focusIfLost(field.current);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h3>Optional: keep the token here for a moment</h3>
      <p className="hint">
        The code is shown only once. Paste it here so you can paste it again in the next step: Gridpass copies it back
        for you, then clears it from the clipboard. It isn’t saved unless you choose that at the end.
      </p>
      <div className="inline-field">
        <label htmlFor="pat">Token code</label>
        <input
          ref={field}
          id="pat"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={pat}
          aria-invalid={message !== null}
          aria-describedby={message !== null ? 'pat-problem' : undefined}
          onChange={(event) => setPat(event.target.value)}
        />
        <button type="submit" className="button button-secondary" disabled={!pat || busy}>Keep it here</button>
      </div>
      <div aria-live="polite">
        {message && <p id="pat-problem" className="inline-problem">{message}</p>}
        {heldLength !== null && !message && (
          <p><StatusLabel icon="ok" text={`Your token is kept here until the next step (${heldLength} characters).`} /></p>
        )}
      </div>
    </form>
  );
}
