import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, FormEvent } from 'react';
import type { Finding, SignedInPersonView, SiteView, VerifyResponse } from '../../src/ipc/contract';
import { causeOf } from '../components/refusal-parts';
import { RefusalPanel } from '../components/RefusalPanel';
import { describeCallError, gridpass } from '../gridpass';
import { hasLockout, LockoutNotice, lockoutOf, type Lockout } from './LockoutNotice';
import { LoginFields } from './LoginFields';
import { StepFrame } from './StepFrame';
import { TwoFactorFields } from './TwoFactorFields';
import { useBrowserSignIn } from './use-browser-sign-in';
import { WhoYouAre } from './WhoYouAre';
import type { WizardAction, WizardState } from './wizard-state';

type Attempt =
  | { stage: 'form' }
  | { stage: 'two-factor'; attemptId: string; refused: string | null; lockout: Lockout }
  | { stage: 'failed'; finding: Finding; lockout: Lockout }
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

/**
 * Signs in once with what the person typed. The passphrase and the 2FA code live only in this
 * step's own state and are emptied the moment they are sent; a refusal is never retried by itself.
 */
export function VerifyStep({ site, state, dispatch }: Props) {
  const [attempt, setAttempt] = useState<Attempt>({ stage: 'form' });
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  // Each refusal is shown anew (and takes focus), even when it reads the same as the last one.
  const [round, setRound] = useState(0);
  const [backToLogin, setBackToLogin] = useState(false);
  // Gridpass is asking whether to use the confirmed person's login instead of the typed one.
  const [asking, setAsking] = useState(false);
  const errorMessage = useRef<HTMLParagraphElement>(null);
  const verified = state.verified?.site.url === site.url ? state.verified : null;
  const twoFactor = attempt.stage === 'two-factor' ? attempt : null;

  const settle = (response: VerifyResponse) => {
    if (response.ok) {
      setAttempt({ stage: 'form' });
      dispatch({
        type: 'verified',
        verified: {
          verificationId: response.verificationId,
          user: response.user,
          site: response.site,
          usedTwoFactor: attempt.stage === 'two-factor',
        },
      });
    } else if (response.reason === 'two-factor-required') {
      setAttempt({
        stage: 'two-factor',
        attemptId: response.attemptId,
        refused: response.codeProblem ?? (response.codeRefused ? causeOf(response.finding) : null),
        lockout: lockoutOf(response),
      });
    } else {
      setRound((n) => n + 1);
      setAttempt({ stage: 'failed', finding: response.finding, lockout: lockoutOf(response) });
    }
  };

  useEffect(() => {
    if (attempt.stage === 'error') errorMessage.current?.focus();
  }, [attempt]);

  // Both put the login fields back; the login is what the person wants to change.
  const chooseDifferentLogin = () => {
    setBackToLogin(true);
    setAttempt({ stage: 'form' });
  };
  // The login the site knows goes into the field; the passphrase is typed again, next to it.
  const useLogin = (login: string) => {
    dispatch({ type: 'login-typed', login });
    document.getElementById('passphrase')?.focus();
  };
  const checkDifferentLogin = () => {
    setBackToLogin(true);
    dispatch({ type: 'check-another-login' });
  };

  // One browser sign-in for the step: started beside the fields or as a refusal's next action, answered beside the fields.
  const browserSignIn = useBrowserSignIn();
  const { reset: resetSignIn } = browserSignIn;
  const typedLogin = state.login.trim();
  const onSignedIn = useCallback((signInId: string, person: SignedInPersonView) => {
    // A refusal of some other login says nothing about this person's: it goes, and their login is tried next.
    if (person.login !== typedLogin) setAttempt((current) => (current.stage === 'failed' ? { stage: 'form' } : current));
    dispatch({ type: 'signed-in', signInId, person });
    resetSignIn();
  }, [dispatch, resetSignIn, typedLogin]);
  const canConfirmInBrowser = site.appSessionLauncher && state.signedIn === null;
  const confirmInBrowser = canConfirmInBrowser ? () => void browserSignIn.start(site.url, state.login) : undefined;
  // While the browser is asked, its answer (the wrong-login finding among them) stands in for the refusal.
  const refusalShown = attempt.stage === 'failed' && (!canConfirmInBrowser || browserSignIn.signIn.state === 'idle');
  const refusalOffersSignIn = refusalShown && attempt.finding.action?.kind === 'browser-sign-in';

  const run = async (call: () => Promise<VerifyResponse>) => {
    setBusy(true);
    try {
      settle(await call());
    } catch (error) {
      setRound((n) => n + 1);
      setAttempt({ stage: 'error', message: describeCallError(error) });
    } finally {
      setBusy(false);
    }
  };

  const ready = twoFactor ? code.trim() !== '' : state.login.trim() !== '' && passphrase !== '' && !asking;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy || verified) return;
    setBackToLogin(false);
    if (twoFactor) {
      const sent = code.trim();
      setCode('');
      void run(() => gridpass().submitTwoFactorCode({ attemptId: twoFactor.attemptId, code: sent }));
    } else {
      const sent = passphrase;
      setPassphrase('');
      // With a confirmed person, main checks the login is theirs before it sends anything.
      const signInId = state.signedIn?.signInId;
      void run(() => gridpass().verifyLogin({ site: site.url, login: state.login.trim(), passphrase: sent, ...(signInId ? { signInId } : {}) }));
    }
  };

  const submitLabel = busy ? 'Checking…' : twoFactor ? 'Verify code' : attempt.stage === 'failed' ? 'Try again' : 'Check my login';
  return (
    <form onSubmit={submit} noValidate>
      <StepFrame
        title="Check your login"
        lead={attempt.stage === 'failed' || twoFactor?.refused ? null : <p>{leadFor(site)}</p>}
        onBack={() => dispatch({ type: 'back' })}
        onContinue={verified ? () => dispatch({ type: 'next' }) : undefined}
        submit={verified ? undefined : { label: submitLabel, disabled: busy || !ready }}
      >
        {/* No live region: every outcome below moves focus to itself, which is what gets read out. */}
        <div className="verify-result">
          {verified && (
            <>
              <WhoYouAre user={verified.user} host={site.host} />
              <p>
                <button type="button" className="button button-link" onClick={checkDifferentLogin}>
                  Check a different login
                </button>
              </p>
            </>
          )}
          {attempt.stage === 'failed' && refusalShown && (
            <RefusalPanel
              key={round}
              finding={attempt.finding}
              focusOnShow
              lockout={hasLockout(attempt.lockout) ? <LockoutNotice {...attempt.lockout} /> : undefined}
              onUseLogin={useLogin}
              {...(confirmInBrowser === undefined ? {} : { onConfirmInBrowser: confirmInBrowser })}
            />
          )}
          {attempt.stage === 'error' && (
            <p key={round} ref={errorMessage} className="inline-problem" tabIndex={-1}>{attempt.message}</p>
          )}
        </div>
        {twoFactor && (
          <>
            <TwoFactorFields code={code} refused={twoFactor.refused} busy={busy} onCodeChange={setCode} onCancel={chooseDifferentLogin} />
            {twoFactor.refused && <LockoutNotice {...twoFactor.lockout} />}
          </>
        )}
        {!twoFactor && !verified && (
          <LoginFields
            site={site}
            login={state.login}
            passphrase={passphrase}
            onLoginChange={(login) => dispatch({ type: 'login-typed', login })}
            onPassphraseChange={setPassphrase}
            focusLogin={backToLogin && attempt.stage === 'form'}
            signedIn={state.signedIn?.person ?? null}
            onSignedIn={onSignedIn}
            browserSignIn={{ flow: browserSignIn, offerStart: !refusalOffersSignIn }}
            onAsking={setAsking}
            onNotMe={() => {
              setBackToLogin(true);
              resetSignIn();
              dispatch({ type: 'not-me' });
            }}
          />
        )}
      </StepFrame>
    </form>
  );
}
