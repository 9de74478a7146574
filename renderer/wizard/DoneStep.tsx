import { CopyTextButton } from '../components/CopyTextButton';
import { describeInterval } from '../components/format-time';
import { StepFrame } from './StepFrame';
import type { SaveOutcome, Verified } from './wizard-state';

interface Props {
  verified: Verified;
  outcome: SaveOutcome;
  onShowAccounts: () => void;
  onStartOver: () => void;
}

export function DoneStep({ verified, outcome, onShowAccounts, onStartOver }: Props) {
  const { site, user } = verified;
  const secret = site.loginMethod === 'oxygen' || site.loginMethod === 'saml2' ? 'your legacy passphrase' : 'your password';
  return (
    <StepFrame
      title={outcome.saved ? 'You’re all set' : 'Your login works'}
      lead={
        outcome.saved ? (
          <p>
            Your tools can now sign in to {site.host}. Gridpass checks your login {describeInterval(outcome.checkIntervalHours)}{' '}
            and the tray icon tells you if anything needs your attention.
          </p>
        ) : (
          <p>
            Your login works, but it isn’t saved, so Gridpass can’t watch it for you. Once your keychain is working, set it up
            again to save it.
          </p>
        )
      }
      action={{ label: outcome.saved ? 'See my logins' : 'Set up again', run: outcome.saved ? onShowAccounts : onStartOver, done: false }}
      onContinue={outcome.saved ? onStartOver : undefined}
      continueLabel="Set up another site"
    >
      <div className="panel">
        <h3>When a tool asks you to sign in</h3>
        <dl className="facts">
          <dt>Site</dt>
          <dd>{site.url} <CopyTextButton text={site.url} what="site address" /></dd>
          <dt>Login</dt>
          <dd>{user.login} <CopyTextButton text={user.login} what="login" /></dd>
          <dt>Password</dt>
          <dd>{secret}</dd>
        </dl>
        {verified.usedTwoFactor && (
          <p className="note">
            Your login asks for a verification code, which tools ask for too. Scheduled checks can’t type one, so when a check is
            due the tray icon asks you to check your login by hand.
          </p>
        )}
      </div>
    </StepFrame>
  );
}
