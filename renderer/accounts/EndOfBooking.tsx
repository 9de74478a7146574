import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { EndOfBookingResponse } from '../../src/ipc/contract';
import { ConfirmPanel } from '../components/ConfirmPanel';
import { ExternalLinkButton } from '../components/ExternalLinkButton';
import { StatusLabel } from '../components/StatusLabel';
import { describeCallError, gridpass } from '../gridpass';

type Stage = { stage: 'idle' } | { stage: 'confirm' } | { stage: 'working' } | { stage: 'done'; result: EndOfBookingResponse };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** For freelancers leaving: wipe everything Gridpass stored, then revoke the token on the web. */
export function EndOfBooking({ onDone }: { onDone: () => void }) {
  const [stage, setStage] = useState<Stage>({ stage: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLParagraphElement>(null);

  // The confirmation that had focus is gone; the result (and the token still to revoke) is next.
  useEffect(() => {
    if (stage.stage === 'done') result.current?.focus();
  }, [stage.stage]);

  // Keyboard users land back on the button they came from, not at the top of the window.
  const cancel = () => {
    flushSync(() => setStage({ stage: 'idle' }));
    signOutButton.current?.focus();
  };

  const signOut = async () => {
    setStage({ stage: 'working' });
    try {
      const result = await gridpass().endOfBooking({});
      setStage({ stage: 'done', result });
      onDone();
    } catch (error) {
      setProblem(describeCallError(error));
      setStage({ stage: 'idle' });
    }
  };

  return (
    <section className="panel end-of-booking" aria-labelledby="end-of-booking-title">
      <h2 id="end-of-booking-title">End of booking</h2>
      {stage.stage === 'done' ? (
        <div aria-live="polite" className="stack">
          <p ref={result} tabIndex={-1}>
            <StatusLabel
              icon="ok"
              text={`Signed out everywhere: forgot ${plural(stage.result.forgottenAccounts, 'login', 'logins')} and ${plural(stage.result.forgottenSecrets, 'keychain entry', 'keychain entries')}.`}
            />
          </p>
          <p>
            One thing left: revoke your Personal Access Token on your Autodesk profile, so it can’t be used on the studio’s
            site any more.
          </p>
          <ExternalLinkButton url={stage.result.revokePatUrl} label="Revoke my token" variant="primary" />
        </div>
      ) : stage.stage === 'confirm' || stage.stage === 'working' ? (
        <ConfirmPanel
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          busy={stage.stage === 'working'}
          onConfirm={() => void signOut()}
          onCancel={cancel}
        >
          <p>Gridpass forgets every saved login and removes everything it stored in the keychain. This can’t be undone.</p>
        </ConfirmPanel>
      ) : (
        <>
          <p>Leaving the studio? Remove every login and secret Gridpass saved on this computer.</p>
          {problem && <p className="inline-problem" role="alert">{problem}</p>}
          <div className="actions">
            <button ref={signOutButton} type="button" className="button button-danger" onClick={() => setStage({ stage: 'confirm' })}>
              Sign out everywhere…
            </button>
          </div>
        </>
      )}
    </section>
  );
}
