import type { KeychainStatus } from '../../src/ipc/contract';

type Unavailable = Exclude<KeychainStatus, { state: 'ok' }>;

const stateWords: Record<Unavailable['state'], string> = {
  unavailable: 'isn’t available',
  locked: 'is locked',
  denied: 'refused access',
};

/** Which keychain is missing or locked, and how to get it working. */
export function KeychainProblem({ keychain, consequence }: { keychain: Unavailable; consequence: string }) {
  return (
    <div className="finding finding-warning" role="note">
      <h3 className="finding-title">
        <span>
          {keychain.backend} {stateWords[keychain.state]}
        </span>
      </h3>
      <p>{keychain.message}</p>
      <p>
        <strong>How to fix it:</strong> {keychain.fix}
      </p>
      <p>{consequence}</p>
    </div>
  );
}
