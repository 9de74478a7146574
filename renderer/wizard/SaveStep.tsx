import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Finding, KeychainStatus, SettingsView } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { KeychainProblem } from '../components/KeychainProblem';
import { IntervalField } from '../components/IntervalField';
import { describeCallError, gridpass } from '../gridpass';
import { secretWord } from './secret-label';
import { StepFrame } from './StepFrame';
import type { SaveOutcome, Verified } from './wizard-state';

interface Props {
  verified: Verified;
  holdingPat: boolean;
  keychain: KeychainStatus;
  settings: SettingsView;
  onFinished: (outcome: SaveOutcome) => void;
  onBack: () => void;
}

export function SaveStep({ verified, holdingPat, keychain, settings, onFinished, onBack }: Props) {
  const managedInterval = settings.managed?.checkIntervalHours ?? null;
  const [keepPat, setKeepPat] = useState(false);
  const [launchAtLogin, setLaunchAtLogin] = useState(settings.launchAtLogin);
  const [interval, setIntervalHours] = useState(managedInterval ?? settings.checkIntervalHours);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ finding: Finding } | { message: string } | null>(null);
  const keychainReady = keychain.state === 'ok';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!keychainReady) return onFinished({ saved: false });
    setBusy(true);
    try {
      const result = await gridpass().saveLogin({
        verificationId: verified.verificationId,
        keepPat: holdingPat && keepPat,
        launchAtLogin,
        checkIntervalHours: interval,
      });
      if (result.ok) onFinished({ saved: true, account: result.account, checkIntervalHours: interval });
      else setProblem({ finding: result.finding });
    } catch (error) {
      setProblem({ message: describeCallError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <StepFrame
        title="Save your login"
        lead={
          <p>
            Gridpass keeps your {secretWord(verified.site.loginMethod)} in your computer’s keychain
            {keychainReady ? `, ${keychain.backend},` : ''} and never writes it to a file. Then it checks your login regularly and
            tells you if it stops working.
          </p>
        }

        onBack={onBack}
        submit={{ label: busy ? 'Saving…' : keychainReady ? 'Save' : 'Finish without saving', disabled: busy }}
      >
        {!keychainReady && (
          <KeychainProblem
            keychain={keychain}
            consequence="You can finish without saving: your login still works from tools, but Gridpass can’t watch it for you."
          />
        )}
        {verified.usedTwoFactor && (
          <p className="hint">
            Your login asks for a verification code. Scheduled checks can’t type one, so when a check is due the tray icon
            asks you to check your login by hand.
          </p>
        )}
        <fieldset className="options" disabled={!keychainReady}>
          <legend>Options</legend>
          <IntervalField
            id="interval"
            label="Check this login"
            hours={interval}
            managedBy={managedInterval !== null ? 'your studio' : null}
            onChange={setIntervalHours}
          />
          <label className="check">
            <input type="checkbox" checked={launchAtLogin} onChange={(event) => setLaunchAtLogin(event.target.checked)} />
            <span>Start Gridpass when I log in to this computer</span>
          </label>
          {holdingPat && (
            <label className="check">
              <input type="checkbox" checked={keepPat} onChange={(event) => setKeepPat(event.target.checked)} />
              <span>Also keep my token in the keychain, so I can paste it again on another site</span>
            </label>
          )}
        </fieldset>
        <div aria-live="polite">
          {problem && ('finding' in problem ? <FindingView finding={problem.finding} /> : <p className="inline-problem">{problem.message}</p>)}
        </div>
        {problem && (
          <button type="button" className="button button-link" onClick={() => onFinished({ saved: false })}>
            Finish without saving
          </button>
        )}
      </StepFrame>
    </form>
  );
}
