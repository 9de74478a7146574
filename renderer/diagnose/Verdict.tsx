import type { DiagnoseStatus } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { StatusLabel } from '../components/StatusLabel';

type VerdictView = NonNullable<DiagnoseStatus['verdict']>;

/** The bottom line of a diagnosis: all good, or the one thing to fix first. */
export function Verdict({ verdict }: { verdict: VerdictView }) {
  return (
    <section className={`verdict verdict-${verdict.ok ? 'ok' : 'problem'}`} aria-labelledby="verdict-title">
      <h2 id="verdict-title">
        <StatusLabel icon={verdict.ok ? 'ok' : 'fail'} text={verdict.headline} />
      </h2>
      {verdict.finding && <FindingView finding={verdict.finding} level={3} />}
    </section>
  );
}
