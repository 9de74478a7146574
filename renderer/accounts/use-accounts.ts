import { useCallback, useEffect, useState } from 'react';
import type { AccountView, OrphanView } from '../../src/ipc/contract';
import { describeCallError, gridpass } from '../gridpass';

export type AccountsLoad =
  | { state: 'loading' }
  | { state: 'ready'; accounts: AccountView[]; orphans: OrphanView[] }
  | { state: 'failed'; message: string };

/** The saved logins and any keychain entries left behind without one, reloaded whenever main says they changed. */
export function useAccounts() {
  const [load, setLoad] = useState<AccountsLoad>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    Promise.all([gridpass().listAccounts({}), gridpass().listOrphans({})]).then(
      ([accounts, orphans]) => current && setLoad({ state: 'ready', accounts, orphans }),
      (error: unknown) => current && setLoad({ state: 'failed', message: describeCallError(error) }),
    );
    return () => {
      current = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // A check, a refusal recorded by a diagnosis, a change from the tray: main says so, the list reloads.
  useEffect(() => gridpass().onEvent((event) => {
    if (event.type === 'accounts-changed') reload();
  }), [reload]);
  const replace = useCallback((account: AccountView) => {
    setLoad((previous) =>
      previous.state === 'ready'
        ? { ...previous, accounts: previous.accounts.map((a) => (a.id === account.id ? account : a)) }
        : previous,
    );
  }, []);
  return { load, reload, replace };
}
