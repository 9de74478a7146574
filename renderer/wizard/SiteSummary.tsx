import type { SiteView } from '../../src/ipc/contract';
import { StatusLabel } from '../components/StatusLabel';

/** The site as Gridpass found it: where, how people sign in, which version. */
export function SiteSummary({ site }: { site: SiteView }) {
  return (
    <div className="site-summary">
      <StatusLabel icon="ok" text="Site found" />
      <dl className="facts">
        <dt>Site</dt>
        <dd className="site-host">{site.host}</dd>
        <dt>Signs in with</dt>
        <dd>{site.loginMethodLabel}</dd>
        <dt>ShotGrid version</dt>
        <dd>{site.version}</dd>
      </dl>
      {site.isPracticeSite && <p className="note">This is Gridpass’s practice site: nothing you do here touches a real account.</p>}
    </div>
  );
}
