import type { KeychainStatus } from '../../src/ipc/contract';
import { KeychainProblem } from '../components/KeychainProblem';
import { StatusLabel } from '../components/StatusLabel';

export function KeychainPanel({ keychain }: { keychain: KeychainStatus }) {
  return (
    <section className="panel" aria-labelledby="keychain-title">
      <h2 id="keychain-title">Keychain</h2>
      {keychain.state === 'ok' ? (
        <p>
          <StatusLabel icon="ok" text={`Working: ${keychain.backend}`} />
        </p>
      ) : (
        <KeychainProblem keychain={keychain} consequence="Until then Gridpass can check logins but can’t save them." />
      )}
    </section>
  );
}
