import type { DiagnoseStatus } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import type { IconName } from '../components/Icon';
import { StatusLabel } from '../components/StatusLabel';
import { StudioSupport } from '../components/StudioSupport';

type VerdictView = NonNullable<DiagnoseStatus['verdict']>;

/** A verdict that is fine apart from a warning (e.g. an SSO site refusing passwords) must not wear a green tick. */
function verdictIcon(verdict: VerdictView): IconName {
  if (!verdict.ok) return 'fail';
  return verdict.finding?.severity === 'warning' ? 'warn' : 'ok';
}

/**
 * The bottom line of a diagnosis: all good, or the one thing to fix first. When the headline is the
 * finding's own title, it is said once on screen (the finding's) and kept as the section's heading
 * for screen readers.
 */
export function Verdict({ verdict }: { verdict: VerdictView }) {
  const repeatsFinding = verdict.finding?.title === verdict.headline;
  return (
    <section className={`verdict verdict-${verdict.ok ? 'ok' : 'problem'}`} aria-labelledby="verdict-title">
      <h2 id="verdict-title" className={repeatsFinding ? 'visually-hidden' : undefined}>
        <StatusLabel icon={verdictIcon(verdict)} text={verdict.headline} />
      </h2>
      {verdict.finding && <FindingView finding={verdict.finding} level={3} withSupport={false} />}
      {/* Whatever the verdict, Diagnose says once whom the studio wants people to ask. */}
      <StudioSupport />
    </section>
  );
}
