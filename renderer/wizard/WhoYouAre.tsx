import type { UserView } from '../../src/ipc/contract';
import { StatusLabel } from '../components/StatusLabel';

/** Proof the login works: the account ShotGrid says it belongs to. */
export function WhoYouAre({ user, host }: { user: UserView; host: string }) {
  return (
    <div className="success-panel">
      <p className="success-title">
        <StatusLabel icon="ok" text={`Your login works on ${host}`} />
      </p>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name ?? 'Not set on the site'}</dd>
        <dt>Login</dt>
        <dd>{user.login}</dd>
        <dt>Email</dt>
        <dd>{user.email ?? 'Not set on the site'}</dd>
      </dl>
    </div>
  );
}
