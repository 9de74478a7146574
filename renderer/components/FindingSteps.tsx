import type { FixStep } from '../../src/ipc/contract';
import { ExternalLinkButton } from './ExternalLinkButton';

/** A finding's numbered fix steps, each with its page to open. */
export function FindingSteps({ steps }: { steps: readonly FixStep[] }) {
  if (steps.length === 0) return null;
  return (
    <ol className="finding-steps">
      {steps.map((step, index) => (
        <li key={index}>
          <span>{step.text}</span>
          {step.link && <ExternalLinkButton url={step.link.url} label={step.link.label} variant="link" />}
        </li>
      ))}
    </ol>
  );
}
