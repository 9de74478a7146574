import { useCallback, useEffect, useState } from 'react';
import type { DiagnoseStatus, RequestOf } from '../../src/ipc/contract';
import { describeCallError, gridpass } from '../gridpass';

/** How often the screen asks main for progress while checks run. */
export const pollIntervalMs = 250;

export type DiagnoseRun =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'running'; runId: string; status: DiagnoseStatus | null }
  | { state: 'failed'; message: string };

/** Starts a diagnosis in main and follows it until the verdict is in. */
export function useDiagnoseRun() {
  const [run, setRun] = useState<DiagnoseRun>({ state: 'idle' });
  const runId = run.state === 'running' ? run.runId : null;
  const done = run.state === 'running' && run.status?.done === true;

  useEffect(() => {
    if (!runId || done) return;
    let current = true;
    const timer = setTimeout(() => {
      gridpass().diagnoseStatus({ runId }).then(
        (status) => current && setRun({ state: 'running', runId, status }),
        (error: unknown) => current && setRun({ state: 'failed', message: describeCallError(error) }),
      );
    }, pollIntervalMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [runId, done, run]);

  const start = useCallback(async (target: RequestOf<'startDiagnose'>['target']) => {
    setRun({ state: 'starting' });
    try {
      const { runId: started } = await gridpass().startDiagnose({ target });
      setRun({ state: 'running', runId: started, status: null });
    } catch (error) {
      setRun({ state: 'failed', message: describeCallError(error) });
    }
  }, []);

  return { run, start };
}
