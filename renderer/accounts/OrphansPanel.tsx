import { useState } from 'react';
import type { OrphanView } from '../../src/ipc/contract';
import { describeCallError, gridpass } from '../gridpass';

const kindWords: Record<OrphanView['kind'], string> = {
  passphrase: 'Passphrase',
  pat: 'Token',
  'script-key': 'Script key',
  session: 'Session',
};

/** Keychain entries Gridpass made that no saved login owns any more (e.g. after a crash). */
export function OrphansPanel({ orphans, onCleaned }: { orphans: OrphanView[]; onCleaned: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clean = async () => {
    setBusy(true);
    try {
      const { removed } = await gridpass().cleanOrphans({});
      setMessage(`Removed ${removed} leftover ${removed === 1 ? 'entry' : 'entries'}.`);
      onCleaned();
    } catch (error) {
      setMessage(describeCallError(error));
    } finally {
      setBusy(false);
    }
  };
  if (orphans.length === 0) return message ? <p role="status">{message}</p> : null;
  return (
    <section className="panel" aria-labelledby="orphans-title">
      <h2 id="orphans-title">Leftover keychain entries</h2>
      <p>Gridpass saved these, but they no longer belong to any login it knows about. They are safe to remove.</p>
      <ul className="plain-list">
        {orphans.map((orphan) => (
          <li key={`${orphan.kind}:${orphan.host}:${orphan.login}`}>
            {kindWords[orphan.kind]} for <strong>{orphan.login}</strong> on {orphan.host}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => void clean()} disabled={busy}>
          {busy ? 'Removing…' : 'Remove them'}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
