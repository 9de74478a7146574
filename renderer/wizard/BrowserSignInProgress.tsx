import type { SignedInPersonView } from '../../src/ipc/contract';
import { BreakableText } from '../components/BreakableText';
import { CopyTextButton } from '../components/CopyTextButton';
import { FindingView } from '../components/FindingView';
import { Icon } from '../components/Icon';
import { StatusLabel } from '../components/StatusLabel';
import { useFocusOnMount } from '../components/use-focus-on-mount';
import type { BrowserSignIn } from './use-browser-sign-in';

interface Props {
  signIn: BrowserSignIn;
  host: string;
  onCancel: () => void;
  onRetry: () => void;
  /** Back to typing the login, when the screen around does not offer it already. */
  onTypeLogin?: () => void;
  /** The heading level of the wait, where the screen around has no h2 before it. */
  level?: 2 | 3;
}

/** A browser sign-in on its way: the approval link to copy, the time left and Cancel; or how it ended. */
export function BrowserSignInProgress({ signIn, host, onCancel, onRetry, onTypeLogin, level = 3 }: Props) {
  switch (signIn.state) {
    case 'idle':
    case 'approved':
      return null;
    case 'starting':
      return (
        <p className="status status-running" role="status">
          <Icon name="running" /> Asking {host} for an approval link…
        </p>
      );
    case 'waiting':
      return <Waiting signIn={signIn} host={host} onCancel={onCancel} level={level} />;
    case 'failed':
    case 'error':
      return (
        <div className="sign-in-ended">
          {signIn.state === 'failed'
            ? <FindingView finding={signIn.finding} focusOnShow />
            : <p className="inline-problem" role="alert">{signIn.message}</p>}
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={onRetry}>Try again in the browser</button>
            {onTypeLogin && <button type="button" className="button button-secondary" onClick={onTypeLogin}>Type my login instead</button>}
          </div>
        </div>
      );
  }
}

function Waiting({ signIn, host, onCancel, level }: { signIn: Extract<BrowserSignIn, { state: 'waiting' }>; host: string; onCancel: () => void; level: 2 | 3 }) {
  const title = useFocusOnMount<HTMLHeadingElement>();
  const Heading = `h${level}` as const;
  const { approvalUrl, browserOpened, browserProblem } = signIn.view;
  return (
    <div className="panel sign-in-waiting">
      <Heading ref={title} tabIndex={-1}>Approve “Gridpass” in your browser</Heading>
      <p role="status">
        {browserOpened === null && 'Opening your browser…'}
        {browserOpened === true && `Your browser opened ${host}. Approve the request from Gridpass there; no password is needed.`}
        {browserOpened === false && `${browserProblem ?? 'The browser could not be opened.'} Open the link below yourself.`}
      </p>
      <p className="hint">If the browser opened on a profile that isn’t signed in to {host}, copy this link into one that is:</p>
      <p className="approval-link">
        <code><BreakableText text={approvalUrl} /></code>
        <CopyTextButton text={approvalUrl} what="approval link" />
      </p>
      <p>
        Time left: <span role="timer" aria-label={`${signIn.secondsLeft} seconds left`}>{clockText(signIn.secondsLeft)}</span>
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}

/** "You are Jane Doe, legacy login `jdoe`": who approved, with the one login their tools must use. */
export function PersonConfirmed({ person, host, level = 3 }: { person: SignedInPersonView; host: string; level?: 2 | 3 }) {
  const title = useFocusOnMount<HTMLHeadingElement>();
  const Heading = `h${level}` as const;
  return (
    <div className="success-panel person-confirmed">
      <Heading className="success-title" ref={title} tabIndex={-1}>
        <StatusLabel icon="ok" text={`You are ${person.name ?? person.login}, legacy login ${person.login}`} />
      </Heading>
      <p>
        {host} confirmed it in your browser. Tools that log in with a login and passphrase must use exactly{' '}
        <code><BreakableText text={person.login} /></code>.
      </p>
      {person.status !== null && person.status !== 'act' && (
        <p className="inline-problem">This account is not active on the site (status “{person.status}”): ask your ShotGrid admin.</p>
      )}
    </div>
  );
}

function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
