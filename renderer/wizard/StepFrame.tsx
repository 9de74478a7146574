import type { ReactNode } from 'react';
import { useFocusOnMount } from '../components/use-focus-on-mount';

/** The step's one main action: open a page, copy something, check a login. */
export interface StepAction {
  label: string;
  run: () => void;
  /** Once done, the action steps back and "Continue" becomes the main button. */
  done: boolean;
}

interface Props {
  title: string;
  /** `null` where the step has said it already (after a refusal, the fields to fix it come first). */
  lead: ReactNode;
  children?: ReactNode;
  /** "What you should see" once the step is done. */
  expect?: ReactNode;
  action?: StepAction;
  /** Moves on; offered as "I've already done this" until the action has been used. */
  onContinue?: () => void;
  continueLabel?: string;
  continueDisabled?: boolean;
  onBack?: () => void;
  /** For steps that are a form: the main button submits it (so Enter works too). */
  submit?: { label: string; disabled?: boolean };
}

/**
 * One wizard step: heading (focused when the step appears), a lead sentence, the instructions,
 * what the person should see, and the buttons. Exactly one button is styled as the main one.
 */
export function StepFrame(props: Props) {
  const { title, lead, children, expect, action, onContinue, onBack, submit } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const actionIsMain = action !== undefined && !action.done;
  const continueLabel = props.continueLabel ?? (actionIsMain ? 'I’ve already done this' : 'Continue');
  const continueButton = onContinue && (
    <button
      type="button"
      className={`button ${actionIsMain ? 'button-secondary' : 'button-primary'}`}
      onClick={onContinue}
      disabled={props.continueDisabled}
    >
      {continueLabel}
    </button>
  );
  const actionButton = action && (
    <button type="button" className={`button ${actionIsMain ? 'button-primary' : 'button-secondary'}`} onClick={action.run}>
      {action.label}
    </button>
  );
  return (
    <section className="step" aria-labelledby="step-title">
      <h2 id="step-title" ref={heading} tabIndex={-1}>{title}</h2>
      {lead !== null && <div className="lead">{lead}</div>}
      {children}
      {expect && (
        <div className="expect">
          <h3>What you should see</h3>
          <div>{expect}</div>
        </div>
      )}
      <div className="step-buttons">
        {onBack && (
          <button type="button" className="button button-quiet" onClick={onBack}>Back</button>
        )}
        <span className="spacer" />
        {actionIsMain ? (
          <>
            {continueButton}
            {actionButton}
          </>
        ) : (
          <>
            {actionButton}
            {continueButton}
          </>
        )}
        {submit && (
          <button type="submit" className="button button-primary" disabled={submit.disabled}>{submit.label}</button>
        )}
      </div>
    </section>
  );
}
