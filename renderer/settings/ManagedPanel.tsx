import type { ManagedConfigView } from '../../src/ipc/contract';
import { ExternalLinkButton } from '../components/ExternalLinkButton';

/** What the studio set up for this computer; read-only here, with its source for support staff. */
export function ManagedPanel({ managed }: { managed: ManagedConfigView }) {
  return (
    <section className="panel" aria-labelledby="managed-title">
      <h2 id="managed-title">Set by your studio</h2>
      <dl className="facts">
        <dt>Studio</dt>
        <dd>{managed.studioName ?? 'Not named'}</dd>
        <dt>Site</dt>
        <dd>{managed.site ? `${managed.site}${managed.siteLocked ? ' (locked)' : ' (suggested)'}` : 'Not set'}</dd>
        <dt>Support</dt>
        <dd>{managed.supportContact ?? 'Not set'}</dd>
        {managed.checkIntervalHours !== null && (
          <>
            <dt>Checks</dt>
            <dd>Every {managed.checkIntervalHours} h</dd>
          </>
        )}
        <dt>Settings file</dt>
        <dd className="mono">{managed.source}</dd>
      </dl>
      {managed.helpUrl && <ExternalLinkButton url={managed.helpUrl} label="Studio help page" variant="link" />}
    </section>
  );
}
