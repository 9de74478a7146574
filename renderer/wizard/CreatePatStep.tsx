import type { SiteView } from '../../src/ipc/contract';
import { HoldPatForm } from './HoldPatForm';
import { StepFrame } from './StepFrame';
import { usePageAction } from './use-page-action';

interface Props {
  site: SiteView;
  heldLength: number | null;
  onHeld: (length: number) => void;
  onContinue: () => void;
  onBack: () => void;
}

export function CreatePatStep({ site, heldLength, onHeld, onContinue, onBack }: Props) {
  const { action, problem } = usePageAction('Open my Autodesk profile', site.links.autodeskProfile);
  return (
    <StepFrame
      title="Create a Personal Access Token"
      lead={
        <p>
          Next, make a token on your Autodesk profile. It proves to ShotGrid that your legacy login really belongs to you.
        </p>
      }
      action={action}
      onContinue={onContinue}
      onBack={onBack}
      expect={<p>Your Autodesk profile lists a new token for ShotGrid, and you have copied its code.</p>}
    >
      <ol className="instructions">
        <li>Open your Autodesk profile and sign in if it asks.</li>
        <li>
          Go to <strong>Security</strong>, then <strong>Personal Access Tokens</strong>, and choose <strong>Generate</strong>.
        </li>
        <li>
          For the product, pick <strong>ShotGrid</strong> (it may be called <em>Flow Production Tracking</em>). Any name works,
          for example “Gridpass {site.host}”.
        </li>
        <li>
          Choose <strong>Generate</strong> and copy the code. It is shown only once, so keep that page open until the next
          step is done.
        </li>
      </ol>
      {problem && <p className="inline-problem" role="alert">{problem}</p>}
      <HoldPatForm siteUrl={site.url} heldLength={heldLength} onHeld={onHeld} />
    </StepFrame>
  );
}
