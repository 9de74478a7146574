import { useEffect } from 'react';
import type { Dispatch } from 'react';
import type { SiteView } from '../../src/ipc/contract';
import { BrowserSignInProgress, PersonConfirmed } from './BrowserSignInProgress';
import { StepFrame } from './StepFrame';
import { useBrowserSignIn } from './use-browser-sign-in';
import type { WizardAction, WizardState } from './wizard-state';

interface Props {
  site: SiteView;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
}

/**
 * On sites with the App Session Launcher: find out who the person is by an approval in their browser,
 * before any password is typed, so the login the later steps use is the one the site knows them by.
 */
export function SignInStep({ site, state, dispatch }: Props) {
  const { signIn, start, cancel, reset } = useBrowserSignIn();
  const confirmed = state.signedIn;
  const next = () => dispatch({ type: 'next' });
  const typeLoginInstead = () => {
    reset();
    next();
  };

  // Approved here: the wizard keeps the person (and their login) from now on.
  const approved = signIn.state === 'approved' ? signIn : null;
  useEffect(() => {
    if (approved !== null) dispatch({ type: 'signed-in', signInId: approved.signInId, person: approved.view.person });
  }, [approved, dispatch]);
  const running = signIn.state === 'starting' || signIn.state === 'waiting';
  const offering = confirmed === null && signIn.state === 'idle';

  return (
    <StepFrame
      title="Confirm who you are"
      lead={
        <p>
          {site.host} can tell Gridpass who you are, without any password: you approve a request in your browser, where you’re
          already signed in to ShotGrid. Gridpass then knows your exact ShotGrid login.
        </p>
      }
      onBack={running ? undefined : () => dispatch({ type: 'back' })}
      action={offering ? { label: 'Confirm who you are in your browser', run: () => void start(site.url), done: false } : undefined}
      onContinue={running ? undefined : confirmed !== null ? next : typeLoginInstead}
      continueLabel={confirmed !== null ? 'Continue' : 'Type my login instead'}
    >
      {site.loginMethod === 'saml2' && <SsoNote />}
      {confirmed !== null && (
        <>
          <PersonConfirmed person={confirmed.person} host={site.host} />
          <p>
            <button
              type="button"
              className="button button-link"
              onClick={() => {
                reset();
                dispatch({ type: 'not-me' });
              }}
            >
              Not you?
            </button>{' '}
            <span className="note">Gridpass forgets this person; confirm again in the right browser profile, or type the login.</span>
          </p>
        </>
      )}
      {/* Every way a sign-in ends without a person leaves "Type my login instead" below as the main button. */}
      {confirmed === null && (
        <BrowserSignInProgress signIn={signIn} host={site.host} onCancel={() => void cancel()} onRetry={() => void start(site.url)} />
      )}
    </StepFrame>
  );
}

/** On SSO sites a browser sign-in is what Toolkit tools do; scripts cannot do it and need something else. */
function SsoNote() {
  return (
    <div className="panel">
      <h3>On this single sign-on site</h3>
      <ul className="checklist">
        <li>
          <strong>ShotGrid Desktop and tools built on ShotGrid Toolkit</strong> sign in exactly this way, through your browser, and
          will work.
        </li>
        <li>
          <strong>Scripts</strong> can’t approve anything in a browser and can’t use a password here: they need a script key from your
          pipeline team or ShotGrid admin.
        </li>
      </ul>
    </div>
  );
}
