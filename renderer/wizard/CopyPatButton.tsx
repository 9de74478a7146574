import { useState } from 'react';
import { StatusLabel } from '../components/StatusLabel';
import { describeCallError, gridpass } from '../gridpass';

type CopyState = { state: 'idle' } | { state: 'copied'; clearsAfterSeconds: number | null } | { state: 'failed'; message: string };

/** Copies the token main is holding back onto the clipboard; main clears it again after a while. */
export function CopyPatButton({ siteUrl, label = 'Copy my token' }: { siteUrl: string; label?: string }) {
  const [copy, setCopy] = useState<CopyState>({ state: 'idle' });
  const onClick = async () => {
    try {
      const result = await gridpass().copyPat({ site: siteUrl });
      setCopy(result.ok ? { state: 'copied', clearsAfterSeconds: result.clearsAfterSeconds ?? null } : { state: 'failed', message: result.message });
    } catch (error) {
      setCopy({ state: 'failed', message: describeCallError(error) });
    }
  };
  return (
    <div className="copy-pat">
      <button type="button" className="button button-secondary" onClick={() => void onClick()}>{label}</button>
      <span aria-live="polite">
        {copy.state === 'copied' && (
          <StatusLabel
            icon="ok"
            text={copy.clearsAfterSeconds ? `Copied. Gridpass clears the clipboard in ${copy.clearsAfterSeconds} seconds.` : 'Copied.'}
          />
        )}
        {copy.state === 'failed' && <span className="inline-problem">{copy.message}</span>}
      </span>
    </div>
  );
}
