import { StepFrame } from './StepFrame';

interface Props {
  studioName: string | null;
  onStart: () => void;
}

export function WelcomeStep({ studioName, onStart }: Props) {
  return (
    <StepFrame
      title="Get your ShotGrid login working"
      lead={
        <p>
          Pipeline tools sign in to ShotGrid with your login and a password. When a site moves to Autodesk Identity,
          everyone has to set this up once, and only you can do it for your account. Gridpass walks you through it
          and checks that it works. It takes about five minutes.
        </p>
      }
      action={{ label: 'Get started', run: onStart, done: false }}
    >
      <div className="panel">
        <h3>You’ll need</h3>
        <ul className="checklist">
          <li>Your ShotGrid site address{studioName ? `, which ${studioName} may have filled in for you` : ''}.</li>
          <li>Your Autodesk account: the email and password you use to sign in to the site.</li>
        </ul>
      </div>
      <p className="note">
        Gridpass keeps your passphrase in your computer’s keychain. It never shows it again, writes it to a file or
        sends it anywhere except your ShotGrid site.
      </p>
    </StepFrame>
  );
}
