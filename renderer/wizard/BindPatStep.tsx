import type { SiteView } from '../../src/ipc/contract';
import { CopyPatButton } from './CopyPatButton';
import { StepFrame } from './StepFrame';
import { usePageAction } from './use-page-action';

interface Props {
  site: SiteView;
  holdingPat: boolean;
  /** A token kept in the keychain earlier (perhaps for another site) can be copied again. */
  keptPat: boolean;
  onContinue: () => void;
  onBack: () => void;
}

export function BindPatStep({ site, holdingPat, keptPat, onContinue, onBack }: Props) {
  const { action, problem } = usePageAction('Open Account Settings', site.links.accountSettings);
  return (
    <StepFrame
      title="Connect the token to ShotGrid"
      lead={<p>Now bind the token to your account on {site.host}. After this, your tools can sign in with your login and passphrase.</p>}
      action={action}
      onContinue={onContinue}
      onBack={onBack}
      expect={
        <p>
          Next to your token, the status reads <strong>In good standing</strong>.
        </p>
      }
    >
      <ol className="instructions">
        <li>
          On your site’s <strong>Account Settings</strong>, go back to <strong>Legacy Login and Personal Access Token</strong>.
        </li>
        <li>
          Paste the token’s code into the Personal Access Token field.
          {(holdingPat || keptPat) && <CopyPatButton siteUrl={site.url} label={holdingPat ? 'Copy my token' : 'Copy the token I kept'} />}
        </li>
        <li>
          Choose <strong>Bind</strong>.
        </li>
      </ol>
      {problem && <p className="inline-problem" role="alert">{problem}</p>}
      <p className="note">
        Used this token on another site already? If the site won’t bind it, go back and create a new token just for {site.host}.
      </p>
    </StepFrame>
  );
}
