import { useRef } from 'react';
import { ScreenHeader } from '../components/ScreenHeader';
import { AccountCard } from './AccountCard';
import { EndOfBooking } from './EndOfBooking';
import { OrphansPanel } from './OrphansPanel';
import { useAccounts } from './use-accounts';

interface Props {
  onSetUp: (site: string | null) => void;
  onDiagnose: (accountId: string) => void;
  onChanged: () => void;
}

export function AccountsScreen({ onSetUp, onDiagnose, onChanged }: Props) {
  const { load, reload, replace } = useAccounts();
  const screen = useRef<HTMLDivElement>(null);
  const changed = () => {
    reload();
    onChanged();
  };
  // The forgotten login's card, and the button that had focus, are about to go: start from the top.
  const forgotten = () => {
    screen.current?.querySelector<HTMLElement>('h1')?.focus();
    changed();
  };
  return (
    <div className="screen" ref={screen}>
      <ScreenHeader title="Accounts">
        <p>The logins Gridpass keeps for your tools, and whether they still work.</p>
      </ScreenHeader>
      {load.state === 'loading' && <p role="status">Loading your logins…</p>}
      {load.state === 'failed' && <p className="inline-problem" role="alert">{load.message}</p>}
      {load.state === 'ready' && (
        <>
          {load.accounts.length === 0 ? (
            <div className="empty">
              <p>No saved logins yet.</p>
              <button type="button" className="button button-primary" onClick={() => onSetUp(null)}>Set up a login</button>
            </div>
          ) : (
            <ul className="accounts" aria-label="Saved logins">
              {load.accounts.map((account) => (
                <AccountCard
                  key={account.id}
                  account={account}
                  onUpdated={replace}
                  onForgotten={forgotten}
                  onSetUpAgain={onSetUp}
                  onDiagnose={onDiagnose}
                />
              ))}
            </ul>
          )}
          <OrphansPanel orphans={load.orphans} onCleaned={reload} />
          <EndOfBooking onDone={changed} />
        </>
      )}
    </div>
  );
}
