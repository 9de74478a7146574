import type { WizardState } from './wizard-state';
import { visibleSteps } from './wizard-state';
import { stepTitles } from './wizard-steps';

/** "Step 3 of 8" with a bar; the later steps are only known once the site is. */
export function WizardProgress({ state }: { state: WizardState }) {
  const steps = visibleSteps(state);
  const index = steps.indexOf(state.step);
  const known = state.site !== null;
  const position = index + 1;
  return (
    <div className="progress">
      <p className="progress-text">
        {known ? `Step ${position} of ${steps.length}` : `Step ${position}`}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">: </span>
        {stepTitles[state.step]}
      </p>
      <div className="progress-track" aria-hidden="true">
        {/* A style property (set through the CSSOM) is allowed by the CSP; a style attribute in markup would not be. */}
        <div className="progress-fill" style={{ width: `${Math.round((position / (known ? steps.length : 7)) * 100)}%` }} />
      </div>
    </div>
  );
}
