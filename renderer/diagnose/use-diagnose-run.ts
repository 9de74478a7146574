import { useCallback, useEffect, useState } from 'react';
import type { DiagnoseStatus, RequestOf } from '../../src/ipc/contract';
import { describeCallError, gridpass } from '../gridpass';

export type DiagnoseRun =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'running'; runId: string; status: DiagnoseStatus | null }
  | { state: 'failed'; message: string };

/**
 * Starts a diagnosis in main and follows it until the verdict is in. Main announces every step of
 * the run (diagnose-progress, diagnose-finished); the screen asks for the status once per
 * announcement, and once when the run starts, so a step announced before it listened is not lost.
 */
export function useDiagnoseRun() {
  const [run, setRun] = useState<DiagnoseRun>({ state: 'idle' });
  const runId = run.state === 'running' ? run.runId : null;
  const done = run.state === 'running' && run.status?.done === true;

  useEffect(() => {
    if (!runId || done) return;
    let current = true;
    const fetchStatus = () => gridpass().diagnoseStatus({ runId }).then(
      (status) => current && setRun((previous) => (previous.state === 'running' && previous.runId === runId && previous.status?.done ? previous : { state: 'running', runId, status })),
      (error: unknown) => current && setRun({ state: 'failed', message: describeCallError(error) }),
    );
    const off = gridpass().onEvent((event) => {
      if ((event.type === 'diagnose-progress' || event.type === 'diagnose-finished') && event.runId === runId) void fetchStatus();
    });
    void fetchStatus();
    return () => {
      current = false;
      off();
    };
  }, [runId, done]);

  const start = useCallback(async (target: RequestOf<'startDiagnose'>['target'], signInId?: string) => {
    setRun({ state: 'starting' });
    try {
      const { runId: started } = await gridpass().startDiagnose({ target, ...(signInId === undefined ? {} : { signInId }) });
      setRun({ state: 'running', runId: started, status: null });
    } catch (error) {
      setRun({ state: 'failed', message: describeCallError(error) });
    }
  }, []);

  return { run, start };
}
