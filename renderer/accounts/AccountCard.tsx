import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AccountView } from '../../src/ipc/contract';
import { BreakableText } from '../components/BreakableText';
import { ConfirmPanel } from '../components/ConfirmPanel';
import { FindingView } from '../components/FindingView';
import { focusIfLost } from '../components/focus-if-lost';
import { StatusLabel } from '../components/StatusLabel';
import { describeWhen } from '../components/format-time';
import { describeCallError, gridpass } from '../gridpass';
import { secretWord } from '../wizard/secret-label';
import { healthDisplay } from './health';
import { ConfirmAccountInBrowser } from './ConfirmAccountInBrowser';
import { UpdatePassphrase } from './UpdatePassphrase';
import { CopyPatButton } from '../wizard/CopyPatButton';

interface Props {
  account: AccountView;
  onUpdated: (account: AccountView) => void;
  onForgotten: () => void;
  onSetUpAgain: (site: string) => void;
  onDiagnose: (accountId: string) => void;
}

/** One saved login: whether it works, when it was last checked, and what can be done with it. */
export function AccountCard({ account, onUpdated, onForgotten, onSetUpAgain, onDiagnose }: Props) {
  const [checking, setChecking] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  const [forgetting, setForgetting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [updating, setUpdating] = useState(false);
  const [updated, setUpdated] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Once the update form shows its own refusal, the card's older one would say the same thing twice.
  const [formRefused, setFormRefused] = useState(false);
  const updateButton = useRef<HTMLButtonElement>(null);
  const health = healthDisplay[checking ? 'checking' : account.health];
  const when = describeWhen(account.lastCheckedAt);
  const titleId = `account-${account.id}`;
  const forgetButton = useRef<HTMLButtonElement>(null);
  const checkButton = useRef<HTMLButtonElement>(null);

  // Keyboard users land back on the button they came from, not at the top of the window.
  const cancelForget = () => {
    flushSync(() => setConfirmForget(false));
    forgetButton.current?.focus();
  };

  const closeUpdate = () => {
    flushSync(() => {
      setUpdating(false);
      setFormRefused(false);
    });
    updateButton.current?.focus();
  };

  const closeConfirm = () => {
    flushSync(() => setConfirming(false));
    confirmButton.current?.focus();
  };

  const passphraseSaved = (saved: AccountView) => {
    onUpdated(saved);
    setUpdated(true);
    closeUpdate();
  };

  const checkNow = async () => {
    setChecking(true);
    setProblem(null);
    setUpdated(false);
    try {
      onUpdated(await gridpass().checkAccount({ accountId: account.id }));
    } catch (error) {
      setProblem(describeCallError(error));
    } finally {
      // The button was disabled while checking, which drops focus; hand it back once it is usable.
      flushSync(() => setChecking(false));
      focusIfLost(checkButton.current);
    }
  };

  const forget = async () => {
    setForgetting(true);
    try {
      const result = await gridpass().forgetAccount({ accountId: account.id });
      if (result.ok) onForgotten();
      else setProblem(result.message);
    } catch (error) {
      setProblem(describeCallError(error));
    } finally {
      setForgetting(false);
      setConfirmForget(false);
    }
  };

  return (
    <li className="account" aria-labelledby={titleId}>
      <div className="account-head">
        <div>
          <h2 id={titleId} className="account-title"><BreakableText text={account.displayName ?? account.login} /></h2>
          <p className="account-sub">
            <BreakableText text={account.login} /> on <BreakableText text={account.host} />
          </p>
        </div>
        <span aria-live="polite">
          <StatusLabel icon={health.icon} text={health.text} />
        </span>
      </div>
      <dl className="facts facts-inline">
        <div>
          <dt>Last checked</dt>
          <dd title={when.exact}>{when.text}</dd>
        </div>
        <div>
          <dt>Failed sign-ins from Gridpass</dt>
          <dd>{account.failedLogins === 0 ? 'None' : `${account.failedLogins} of ${account.lockoutThreshold} before ShotGrid locks the account`}</dd>
        </div>
        {account.hasSavedPat && (
          <div>
            <dt>Token</dt>
            <dd>
              Kept in the keychain
              <CopyPatButton siteUrl={account.site} label="Copy token" />
            </dd>
          </div>
        )}
      </dl>
      {account.checksPaused && (
        <p className="note">
          Regular checks are paused after a failed sign-in, so Gridpass can’t lock your account. Fix the problem below, then
          choose Check now, or Update {secretWord(account.loginMethod)} if it changed.
        </p>
      )}
      {account.secretMissing && (
        <p className="note">
          Gridpass can’t read this login’s {secretWord(account.loginMethod)} from the keychain any more.{' '}
          <button type="button" className="button button-link" onClick={() => onSetUpAgain(account.site)}>Set it up again</button>
        </p>
      )}
      {account.lastFinding && account.health !== 'ok' && !formRefused && <FindingView finding={account.lastFinding} level={3} />}
      {problem && <p className="inline-problem" role="alert">{problem}</p>}
      {updated && <p className="note" role="status">The new {secretWord(account.loginMethod)} works and is saved in the keychain.</p>}
      {confirming ? (
        <ConfirmAccountInBrowser account={account} onClose={closeConfirm} />
      ) : updating ? (
        <UpdatePassphrase account={account} onSaved={passphraseSaved} onRefused={() => setFormRefused(true)} onCancel={closeUpdate} />
      ) : confirmForget ? (
        <ConfirmPanel
          title={`Forget ${account.login} on ${account.host}?`}
          confirmLabel="Forget this login"
          busy={forgetting}
          onConfirm={() => void forget()}
          onCancel={cancelForget}
        >
          <p>
            Gridpass removes this login and its {secretWord(account.loginMethod)}{account.hasSavedPat ? ' and token' : ''} from this computer. Your
            ShotGrid account itself doesn’t change.
          </p>
        </ConfirmPanel>
      ) : (
        <div className="actions">
          <button ref={checkButton} type="button" className="button button-secondary" onClick={() => void checkNow()} disabled={checking}>
            {checking ? 'Checking…' : 'Check now'}
          </button>
          <button ref={updateButton} type="button" className="button button-secondary" onClick={() => { setUpdated(false); setUpdating(true); }}>
            Update {secretWord(account.loginMethod)}…
          </button>
          <button ref={confirmButton} type="button" className="button button-secondary" onClick={() => { setUpdated(false); setConfirming(true); }}>
            Confirm in browser
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDiagnose(account.id)}>Diagnose</button>
          <span className="spacer" />
          <button ref={forgetButton} type="button" className="button button-quiet" onClick={() => setConfirmForget(true)}>Forget…</button>
        </div>
      )}
    </li>
  );
}
