import type { UserView } from '../../src/ipc/contract';
import { StatusLabel } from '../components/StatusLabel';
import { useFocusOnMount } from '../components/use-focus-on-mount';

/**
 * Proof the login works: the account ShotGrid says it belongs to. The form that was just sent goes
 * away, so focus moves here rather than being dropped to the top of the window.
 */
export function WhoYouAre({ user, host }: { user: UserView; host: string }) {
  const title = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="success-panel">
      <h3 className="success-title" ref={title} tabIndex={-1}>
        <StatusLabel icon="ok" text={`Your login works on ${host}`} />
      </h3>
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
