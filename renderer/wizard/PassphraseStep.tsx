import type { SiteView } from '../../src/ipc/contract';
import { StepFrame } from './StepFrame';
import { usePageAction } from './use-page-action';

interface Props {
  site: SiteView;
  onContinue: () => void;
  onBack: () => void;
}

export function PassphraseStep({ site, onContinue, onBack }: Props) {
  const { action, problem } = usePageAction('Open Account Settings', site.links.accountSettings);
  return (
    <StepFrame
      title="Set a legacy passphrase"
      lead={
        <p>
          Tools can’t use your Autodesk password. ShotGrid gives you a separate <strong>legacy login</strong> for them,
          with its own passphrase. You set it once, on your site.
        </p>
      }
      action={action}
      onContinue={onContinue}
      onBack={onBack}
      expect={
        <p>
          The <em>Legacy Login</em> section shows your login name (often your email address) and that a passphrase is set.
        </p>
      }
    >
      <ol className="instructions">
        <li>
          Open <strong>Account Settings</strong> on {site.host}. If the page doesn’t open, click your picture or initials at the
          top right of the site and choose <strong>Account Settings</strong>.
        </li>
        <li>
          Find the section <strong>Legacy Login and Personal Access Token</strong>.
        </li>
        <li>
          Under <strong>Legacy Login</strong>, choose a passphrase and save it. Pick a new one, not your Autodesk password.
          You’ll type it into Gridpass in a moment.
        </li>
      </ol>
      {problem && <p className="inline-problem" role="alert">{problem}</p>}
    </StepFrame>
  );
}
