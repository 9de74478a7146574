/**
 * The tray's "Copy support report": diagnose the login most likely to need help, wait for the run
 * to finish, and copy its redacted report, using the same requests the Diagnose screen makes.
 */
import type { AccountView, GridpassHandlers } from '../ipc/contract';

export type SupportReportResult =
  | { ok: true; accountId: string }
  | { ok: false; message: string };

export interface SupportReportDeps {
  handlers: Pick<GridpassHandlers, 'listAccounts' | 'startDiagnose' | 'diagnoseStatus' | 'copyDiagnoseReport'>;
  sleep(ms: number): Promise<void>;
  pollMs?: number;
  timeoutMs?: number;
}

/** A login with a problem first; otherwise the first saved one. */
export function pickReportAccount(accounts: readonly AccountView[]): AccountView | null {
  const rank = (account: AccountView) => (account.health === 'failing' ? 0 : account.health === 'attention' || account.checksPaused ? 1 : 2);
  return [...accounts].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

export async function copySupportReport(deps: SupportReportDeps): Promise<SupportReportResult> {
  const account = pickReportAccount(await deps.handlers.listAccounts({}));
  if (account === null) return { ok: false, message: 'There is no saved login to report on yet.' };
  const { runId } = await deps.handlers.startDiagnose({ target: { kind: 'account', accountId: account.id } });
  const pollMs = deps.pollMs ?? 500;
  const rounds = Math.ceil((deps.timeoutMs ?? 60_000) / pollMs);
  for (let round = 0; round < rounds; round++) {
    const status = await deps.handlers.diagnoseStatus({ runId });
    if (status.done) {
      const copied = await deps.handlers.copyDiagnoseReport({ runId });
      return copied.ok ? { ok: true, accountId: account.id } : { ok: false, message: copied.message };
    }
    await deps.sleep(pollMs);
  }
  return { ok: false, message: 'The diagnosis did not finish in time; open Diagnose to see where it stopped.' };
}
