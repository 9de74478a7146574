import type { WizardState } from './wizard-state';
import { visibleSteps } from './wizard-state';
import { longestPathLength, stepTitles } from './wizard-steps';

/**
 * "Step 3 of 8 · Title" with a bar. The later steps are only known once the site is, so until then the
 * total is the longest path ("of up to 8"): the label keeps one shape instead of gaining "of 8" midway.
 */
export function WizardProgress({ state }: { state: WizardState }) {
  const steps = visibleSteps(state);
  const index = steps.indexOf(state.step);
  const known = state.site !== null;
  const position = index + 1;
  return (
    <div className="progress">
      <p className="progress-text">
        {known ? `Step ${position} of ${steps.length}` : `Step ${position} of up to ${longestPathLength}`}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">: </span>
        {stepTitles[state.step]}
      </p>
      <div className="progress-track" aria-hidden="true">
        {/* A style property (set through the CSSOM) is allowed by the CSP; a style attribute in markup would not be. */}
        <div className="progress-fill" style={{ width: `${Math.round((position / (known ? steps.length : longestPathLength)) * 100)}%` }} />
      </div>
    </div>
  );
}
