import { useState, type FormEvent } from 'react';
import type { AccountView, Finding, VerifyResponse } from '../../src/ipc/contract';
import { FindingView } from '../components/FindingView';
import { PassphraseField } from '../components/PassphraseField';
import { useFocusOnMount } from '../components/use-focus-on-mount';
import { describeCallError, gridpass } from '../gridpass';
import { LockoutNotice } from '../wizard/LockoutNotice';
import { secretLabel, secretWord } from '../wizard/secret-label';

interface Props {
  account: AccountView;
  onSaved: (account: AccountView) => void;
  /** The site refused what was typed: the form now shows why. */
  onRefused: () => void;
  onCancel: () => void;
}

type Refusal = { finding: Finding; failedLogins: number; lockoutWarning: string | null };

/**
 * A new passphrase for a saved login, fixed where it is: typed once, tried once against the site, and
 * only when the site accepts it written over the old keychain entry (which stays until then).
 */
export function UpdatePassphrase({ account, onSaved, onRefused, onCancel }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const secret = secretLabel(account.loginMethod);
  const titleId = `update-${account.id}`;

  const refused = (shown: Refusal) => {
    setRefusal(shown);
    onRefused();
  };

  const answer = async (verified: VerifyResponse) => {
    if (verified.ok) {
      const saved = await gridpass().replacePassphrase({ verificationId: verified.verificationId, accountId: account.id });
      if (saved.ok) onSaved(saved.account);
      else refused({ finding: saved.finding, failedLogins: account.failedLogins, lockoutWarning: null });
      return;
    }
    setCode('');
    if (verified.reason === 'two-factor-required') {
      setAttemptId(verified.attemptId);
      if (verified.codeRefused) refused(verified);
      else setRefusal(null);
      return;
    }
    setAttemptId(null);
    refused(verified);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const typed = passphrase;
    // Nothing typed stays on screen once it is sent.
    setPassphrase('');
    try {
      await answer(attemptId === null
        ? await gridpass().verifyLogin({ site: account.site, login: account.login, passphrase: typed })
        : await gridpass().submitTwoFactorCode({ attemptId, code }));
    } catch (error) {
      setProblem(describeCallError(error));
    } finally {
      setBusy(false);
    }
  };

  const ready = attemptId === null ? passphrase !== '' : code.trim() !== '';
  return (
    <form className="form panel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>Update the {secretWord(account.loginMethod)} for {account.login}</h3>
      <p>
        Gridpass tries it once with ShotGrid and keeps it only if it works; until then the saved one stays as it is.
      </p>
      {refusal && (
        <>
          <FindingView finding={refusal.finding} level={4} />
          <LockoutNotice failedLogins={refusal.failedLogins} lockoutThreshold={account.lockoutThreshold} warning={refusal.lockoutWarning} />
        </>
      )}
      {problem && <p className="inline-problem" role="alert">{problem}</p>}
      {attemptId === null ? (
        <PassphraseField id={`new-passphrase-${account.id}`} label={`New ${secret.name.toLowerCase()}`} hint={secret.hint} value={passphrase} onChange={setPassphrase} />
      ) : (
        <div className="field">
          <label htmlFor={`update-code-${account.id}`}>Verification code</label>
          <input
            id={`update-code-${account.id}`}
            type="text"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            aria-describedby={`update-code-hint-${account.id}`}
            onChange={(event) => setCode(event.target.value)}
          />
          <p id={`update-code-hint-${account.id}`} className="hint">From your authenticator app, or one of your backup codes.</p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || !ready}>
          {busy ? 'Checking…' : 'Check and save'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
