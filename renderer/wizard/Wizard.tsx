import type { Dispatch } from 'react';
import type { AppStateView, SiteView } from '../../src/ipc/contract';
import { BindPatStep } from './BindPatStep';
import { CreatePatStep } from './CreatePatStep';
import { DoneStep } from './DoneStep';
import { NoPatStep } from './NoPatStep';
import { PassphraseStep } from './PassphraseStep';
import { SaveStep } from './SaveStep';
import { SignInStep } from './SignInStep';
import { SiteStep } from './SiteStep';
import { SsoStep } from './SsoStep';
import { VerifyStep } from './VerifyStep';
import { WelcomeStep } from './WelcomeStep';
import { WizardProgress } from './WizardProgress';
import type { WizardAction, WizardState } from './wizard-state';

interface Props {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  app: AppStateView;
  onDiagnoseSite: (site: SiteView) => void;
  onShowAccounts: () => void;
  onSaved: () => void;
}

export function Wizard(props: Props) {
  return (
    <div className="wizard">
      <h1 className="visually-hidden">Set up a login</h1>
      <WizardProgress state={props.state} />
      <CurrentStep key={props.state.step} {...props} />
    </div>
  );
}

function CurrentStep({ state, dispatch, app, onDiagnoseSite, onShowAccounts, onSaved }: Props) {
  const next = () => dispatch({ type: 'next' });
  const back = () => dispatch({ type: 'back' });
  const managed = app.settings.managed;
  const { site, verified } = state;
  const holdingPat = site !== null && state.heldPat?.siteUrl === site.url;
  const startOver = () => dispatch({ type: 'start-over', address: managed?.siteLocked && managed.site ? managed.site : '' });

  switch (state.step) {
    case 'welcome':
      return <WelcomeStep studioName={managed?.studioName ?? null} onStart={next} />;
    case 'site':
      return <SiteStep state={state} dispatch={dispatch} managed={managed} />;
  }
  // Every later step belongs to a site the wizard has found.
  if (!site) return <SiteStep state={state} dispatch={dispatch} managed={managed} />;
  switch (state.step) {
    case 'sign-in':
      return <SignInStep site={site} state={state} dispatch={dispatch} />;
    case 'passphrase':
      return <PassphraseStep site={site} onContinue={next} onBack={back} />;
    case 'create-pat':
      return (
        <CreatePatStep
          site={site}
          heldLength={holdingPat ? (state.heldPat?.length ?? null) : null}
          onHeld={(length) => dispatch({ type: 'pat-held', length })}
          onContinue={next}
          onBack={back}
        />
      );
    case 'bind-pat':
      return <BindPatStep site={site} holdingPat={holdingPat} keptPat={app.keptPat} onContinue={next} onBack={back} />;
    case 'no-pat':
      return <NoPatStep site={site} onContinue={next} onBack={back} />;
    case 'sso':
      return <SsoStep site={site} onDiagnose={() => onDiagnoseSite(site)} onContinue={next} onBack={back} />;
    case 'verify':
      return <VerifyStep site={site} state={state} dispatch={dispatch} />;
  }
  if (!verified) return <VerifyStep site={site} state={state} dispatch={dispatch} />;
  if (state.step === 'save' || !state.outcome) {
    return (
      <SaveStep
        verified={verified}
        holdingPat={holdingPat}
        keychain={app.keychain}
        settings={app.settings}
        onFinished={(outcome) => {
          dispatch({ type: 'finished', outcome });
          if (outcome.saved) onSaved();
        }}
        onBack={back}
      />
    );
  }
  return <DoneStep verified={verified} outcome={state.outcome} onShowAccounts={onShowAccounts} onStartOver={startOver} />;
}
