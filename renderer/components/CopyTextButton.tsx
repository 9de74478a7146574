import { useState } from 'react';
import { describeCallError, gridpass } from '../gridpass';
import { StatusLabel } from './StatusLabel';

type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'failed'; message: string };

/** Copies something the window shows (a site address, a login) for pasting into a tool's sign-in box. */
export function CopyTextButton({ text, what }: { text: string; what: string }) {
  const [copy, setCopy] = useState<CopyState>({ state: 'idle' });
  const onClick = async () => {
    try {
      const result = await gridpass().copyText({ text });
      setCopy(result.ok ? { state: 'copied' } : { state: 'failed', message: result.message });
    } catch (error) {
      setCopy({ state: 'failed', message: describeCallError(error) });
    }
  };
  return (
    <span className="copy-text">
      <button type="button" className="button button-quiet" aria-label={`Copy ${what}`} onClick={() => void onClick()}>Copy</button>
      <span aria-live="polite">
        {copy.state === 'copied' && <StatusLabel icon="ok" text="Copied." />}
        {copy.state === 'failed' && <span className="inline-problem">{copy.message}</span>}
      </span>
    </span>
  );
}
