import type { SiteView } from '../../src/ipc/contract';
import { StepFrame } from './StepFrame';

interface Props {
  site: SiteView;
  onContinue: () => void;
  onBack: () => void;
}

function explain(site: SiteView): { title: string; text: string } {
  switch (site.loginMethod) {
    case 'ldap':
      return {
        title: 'No token needed',
        text: `${site.host} signs you in through your studio’s directory (LDAP). Your tools use your usual studio login and password, so there is nothing to set up on the web.`,
      };
    case 'default':
      return {
        title: 'No token needed yet',
        text: `${site.host} still uses its own ShotGrid logins, so you don’t need a Personal Access Token today. Your tools sign in with your usual ShotGrid login and password.`,
      };
    default:
      return {
        title: 'Let’s check your login',
        text: `Gridpass couldn’t tell how ${site.host} signs people in. You can still check that your login works from tools.`,
      };
  }
}

export function NoPatStep({ site, onContinue, onBack }: Props) {
  const { title, text } = explain(site);
  return (
    <StepFrame title={title} lead={<p>{text}</p>} onContinue={onContinue} onBack={onBack}>
      <p className="note">
        Sites are moving to Autodesk Identity. If yours moves later, your login will stop working from tools; Gridpass notices
        when it checks and brings you back here for the extra steps.
      </p>
    </StepFrame>
  );
}
