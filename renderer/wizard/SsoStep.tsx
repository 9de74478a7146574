import type { SiteView } from '../../src/ipc/contract';
import { StepFrame } from './StepFrame';

interface Props {
  site: SiteView;
  onDiagnose: () => void;
  onContinue: () => void;
  onBack: () => void;
}

export function SsoStep({ site, onDiagnose, onContinue, onBack }: Props) {
  return (
    <StepFrame
      title="Your site uses single sign-on"
      lead={
        <p>
          {site.host} signs people in through your studio’s single sign-on (SSO). On SSO sites ShotGrid refuses a login
          name and password from tools, by design. That’s a site setting, not something wrong with your account.
        </p>
      }
      action={{ label: 'Run the checks', run: onDiagnose, done: false }}
      onContinue={onContinue}
      continueLabel="My admin allows legacy login"
      onBack={onBack}
    >
      <div className="panel">
        <h3>What works instead</h3>
        <ul className="checklist">
          <li>
            <strong>Tools and scripts:</strong> a script key, made by your pipeline team or ShotGrid admin. Script keys keep
            working on SSO sites.
          </li>
          <li>
            <strong>Your own login in tools:</strong> only if your admin allows legacy login on this site. If they do, set a
            passphrase under Account Settings, then let Gridpass check it.
          </li>
          <li>
            <strong>ShotGrid Desktop, RV and the browser</strong> sign in through SSO themselves and need nothing from Gridpass.
          </li>
        </ul>
      </div>
      <p className="note">Not sure what your site allows? Run the checks: Gridpass tells you what it finds and what to ask your admin.</p>
    </StepFrame>
  );
}
