import { useState } from 'react';
import type { Dispatch } from 'react';
import type { Finding, SiteView, VerifyResponse } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { describeCallError, gridpass } from '../gridpass';
import { LockoutNotice } from './LockoutNotice';
import { LoginForm } from './LoginForm';
import { StepFrame } from './StepFrame';
import { TwoFactorForm } from './TwoFactorForm';
import { WhoYouAre } from './WhoYouAre';
import type { WizardAction, WizardState } from './wizard-state';

type Attempt =
  | { stage: 'form' }
  | { stage: 'two-factor'; attemptId: string; refused: string | null }
  | { stage: 'failed'; finding: Finding; failedLogins: number; lockoutWarning: string | null }
  | { stage: 'error'; message: string };

interface Props {
  site: SiteView;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
}

function leadFor(site: SiteView): string {
  return site.loginMethod === 'oxygen' || site.loginMethod === 'saml2'
    ? 'Enter your ShotGrid login and the legacy passphrase you set. Gridpass signs in once to check that it works.'
    : 'Enter the login and password your tools use. Gridpass signs in once to check that it works.';
}

export function VerifyStep({ site, state, dispatch }: Props) {
  const [attempt, setAttempt] = useState<Attempt>({ stage: 'form' });
  const [busy, setBusy] = useState(false);

  const settle = (response: VerifyResponse) => {
    if (response.ok) {
      setAttempt({ stage: 'form' });
      dispatch({ type: 'verified', verified: { verificationId: response.verificationId, user: response.user, site: response.site } });
    } else if (response.reason === 'two-factor-required') {
      const refused = attempt.stage === 'two-factor' ? response.finding.explanation : null;
      setAttempt({ stage: 'two-factor', attemptId: response.attemptId, refused });
    } else {
      setAttempt({ stage: 'failed', finding: response.finding, failedLogins: response.failedLogins, lockoutWarning: response.lockoutWarning });
    }
  };

  const run = async (call: () => Promise<VerifyResponse>) => {
    setBusy(true);
    try {
      settle(await call());
    } catch (error) {
      setAttempt({ stage: 'error', message: describeCallError(error) });
    } finally {
      setBusy(false);
    }
  };

  const verified = state.verified?.site.url === site.url ? state.verified : null;
  return (
    <StepFrame
      title="Check your login"
      lead={<p>{leadFor(site)}</p>}
      onBack={() => dispatch({ type: 'back' })}
      onContinue={verified ? () => dispatch({ type: 'next' }) : undefined}
    >
      <div aria-live="polite" className="verify-result">
        {verified && (
          <>
            <WhoYouAre user={verified.user} host={site.host} />
            <button type="button" className="button button-link" onClick={() => dispatch({ type: 'check-another-login' })}>
              Check a different login
            </button>
          </>
        )}
        {attempt.stage === 'failed' && (
          <>
            <FindingView finding={attempt.finding} />
            <LockoutNotice failedLogins={attempt.failedLogins} warning={attempt.lockoutWarning} />
          </>
        )}
        {attempt.stage === 'error' && <p className="inline-problem">{attempt.message}</p>}
      </div>
      {attempt.stage === 'two-factor' ? (
        <TwoFactorForm
          busy={busy}
          refused={attempt.refused}
          onSubmit={(code) => void run(() => gridpass().submitTwoFactorCode({ attemptId: attempt.attemptId, code }))}
          onCancel={() => setAttempt({ stage: 'form' })}
        />
      ) : (
        !verified && (
          <LoginForm
            site={site}
            login={state.login}
            busy={busy}
            retry={attempt.stage === 'failed'}
            onLoginChange={(login) => dispatch({ type: 'login-typed', login })}
            onSubmit={(passphrase) => void run(() => gridpass().verifyLogin({ site: site.url, login: state.login.trim(), passphrase }))}
          />
        )
      )}
    </StepFrame>
  );
}
