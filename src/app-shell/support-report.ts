/**
 * The tray's "Copy support report": diagnose the login most likely to need help and copy its
 * redacted report once the service announces that the run has its verdict, using the same requests
 * the Diagnose screen makes. Nothing polls: the run's "diagnose-finished" event says when.
 */
import type { AccountView, GridpassHandlers } from '../ipc/contract';
import type { ServiceEvents } from '../services/service-events';

type SupportReportResult =
  | { ok: true; accountId: string }
  | { ok: false; message: string };

export interface SupportReportDeps {
  handlers: Pick<GridpassHandlers, 'listAccounts' | 'startDiagnose' | 'copyDiagnoseReport'>;
  events: ServiceEvents;
}

/** A login with a problem first; otherwise the first saved one. */
export function pickReportAccount(accounts: readonly AccountView[]): AccountView | null {
  const rank = (account: AccountView) => (account.health === 'failing' ? 0 : account.health === 'attention' || account.checksPaused ? 1 : 2);
  return [...accounts].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

export async function copySupportReport(deps: SupportReportDeps): Promise<SupportReportResult> {
  const account = pickReportAccount(await deps.handlers.listAccounts({}));
  if (account === null) return { ok: false, message: 'There is no saved login to report on yet.' };
  const finished = finishedRuns(deps.events);
  let runId: string;
  try {
    ({ runId } = await deps.handlers.startDiagnose({ target: { kind: 'account', accountId: account.id } }));
    await finished.of(runId);
  } finally {
    finished.stop();
  }
  const copied = await deps.handlers.copyDiagnoseReport({ runId });
  return copied.ok ? { ok: true, accountId: account.id } : { ok: false, message: copied.message };
}

/**
 * Listens before the run starts, so a run that finishes before startDiagnose has even answered is
 * not missed.
 */
function finishedRuns(events: ServiceEvents) {
  const done = new Set<string>();
  const waiting = new Map<string, () => void>();
  const stop = events.on((event) => {
    if (event.type !== 'diagnose-finished') return;
    done.add(event.runId);
    waiting.get(event.runId)?.();
  });
  return {
    of(runId: string): Promise<void> {
      if (done.has(runId)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(runId, resolve));
    },
    stop,
  };
}
