import type { DiagnoseStatus } from '../../src/ipc/contract';

/**
 * One short sentence for screen readers as the run moves on: which check is running, then the
 * verdict. Kept apart from the list so each poll doesn't re-read every row.
 */
export function ProgressAnnouncer({ status }: { status: DiagnoseStatus | null }) {
  const message = (() => {
    if (!status) return 'Starting the checks.';
    if (status.done) return status.verdict ? `Checks finished. ${status.verdict.headline}` : 'Checks finished.';
    const runningCheck = status.checks.find((check) => check.status === 'running');
    const finished = status.checks.filter((check) => check.status !== 'pending' && check.status !== 'running').length;
    return runningCheck ? `Checking ${runningCheck.name}, ${finished} of ${status.checks.length} done.` : `${finished} of ${status.checks.length} checks done.`;
  })();
  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}
