import { ScreenHeader } from '../components/ScreenHeader';
import { CheckList } from './CheckList';
import type { DiagnoseTarget } from './diagnose-target';
import { DiagnoseForm } from './DiagnoseForm';
import { ProgressAnnouncer } from './ProgressAnnouncer';
import { ReportActions } from './ReportActions';
import { useDiagnoseRun } from './use-diagnose-run';
import { Verdict } from './Verdict';

export function DiagnoseScreen({ initialTarget }: { initialTarget: DiagnoseTarget | null }) {
  const { run, start } = useDiagnoseRun();
  const busy = run.state === 'starting' || (run.state === 'running' && !run.status?.done);
  return (
    <div className="screen">
      <ScreenHeader title="Diagnose">
        <p>Runs every check on a login and says, in plain words, what is wrong and what to do.</p>
      </ScreenHeader>
      <DiagnoseForm initialTarget={initialTarget} busy={busy} onStart={(target, signInId) => void start(target, signInId)} />
      {run.state === 'failed' && <p className="inline-problem" role="alert">{run.message}</p>}
      {run.state === 'running' && (
        <>
          <ProgressAnnouncer status={run.status} />
          {run.status?.verdict && <Verdict verdict={run.status.verdict} />}
          {run.status?.done && <ReportActions runId={run.runId} />}
          {run.status && <CheckList checks={run.status.checks} running={!run.status.done} />}
        </>
      )}
    </div>
  );
}
