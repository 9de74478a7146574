import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountView, RequestOf } from '../../src/ipc/contract';
import { gridpass } from '../gridpass';
import { BrowserSignInProgress, PersonConfirmed } from '../wizard/BrowserSignInProgress';
import { useBrowserSignIn } from '../wizard/use-browser-sign-in';
import { useSiteProbe } from '../wizard/use-site-probe';
import type { DiagnoseTarget } from './diagnose-target';

type Target = RequestOf<'startDiagnose'>['target'];

interface Props {
  initialTarget: DiagnoseTarget | null;
  busy: boolean;
  /** `signInId`: the person confirmed in the browser, by whom main narrows the diagnosis. */
  onStart: (target: Target, signInId?: string) => void;
}

/** Choose what to check: a saved login, or any site with an optional login and passphrase. */
export function DiagnoseForm({ initialTarget, busy, onStart }: Props) {
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [kind, setKind] = useState<Target['kind']>(initialTarget?.kind === 'site' ? 'site' : 'account');
  const [accountId, setAccountId] = useState(initialTarget?.kind === 'account' ? initialTarget.accountId : '');
  const [site, setSite] = useState(initialTarget?.kind === 'site' ? initialTarget.site : '');
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');

  useEffect(() => {
    let current = true;
    gridpass().listAccounts({}).then(
      (list) => current && setAccounts(list),
      () => current && setAccounts([]),
    );
    return () => {
      current = false;
    };
  }, []);

  // On a site with the App Session Launcher the person can be confirmed first, as in the wizard.
  const probe = useSiteProbe(site, null, useCallback(() => undefined, []));
  const probed = probe.state === 'answered' && probe.response.ok ? probe.response.site : null;
  const browserSignIn = useBrowserSignIn();
  const approved = browserSignIn.signIn.state === 'approved' ? browserSignIn.signIn : null;
  const { reset: resetSignIn } = browserSignIn;
  useEffect(() => resetSignIn(), [site, resetSignIn]);

  const hasAccounts = accounts !== null && accounts.length > 0;
  const mode = hasAccounts ? kind : 'site';
  const chosenAccount = accountId || accounts?.[0]?.id || '';
  const ready = mode === 'account' ? chosenAccount !== '' : site.trim() !== '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    if (mode === 'account') {
      onStart({ kind: 'account', accountId: chosenAccount });
      return;
    }
    const sent = passphrase;
    setPassphrase('');
    onStart({ kind: 'site', site: site.trim(), ...(login.trim() ? { login: login.trim() } : {}), ...(sent ? { passphrase: sent } : {}) }, approved?.signInId);
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-label="What to check">
      {hasAccounts && (
        <fieldset className="choice">
          <legend>What to check</legend>
          <label className="check">
            <input type="radio" name="target" checked={mode === 'account'} onChange={() => setKind('account')} />
            <span>A saved login</span>
          </label>
          <label className="check">
            <input type="radio" name="target" checked={mode === 'site'} onChange={() => setKind('site')} />
            <span>Another site or login</span>
          </label>
        </fieldset>
      )}
      {mode === 'account' && accounts ? (
        <div className="field">
          <label htmlFor="diagnose-account">Saved login</label>
          <select id="diagnose-account" value={chosenAccount} onChange={(event) => setAccountId(event.target.value)}>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>{account.login} on {account.host}</option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field-grid">
          <div className="field field-wide">
            <label htmlFor="diagnose-site">Site address</label>
            <input id="diagnose-site" type="text" inputMode="url" spellCheck={false} value={site} onChange={(event) => setSite(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="diagnose-login">Login (optional)</label>
            <input id="diagnose-login" type="text" autoComplete="username" spellCheck={false} value={login} onChange={(event) => setLogin(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="diagnose-passphrase">Passphrase or password (optional)</label>
            <input id="diagnose-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </div>
          <p className="hint field-wide">Without it, Gridpass checks everything except signing in.</p>
          {probed?.appSessionLauncher && (
            <div className="field-wide">
              {browserSignIn.signIn.state === 'idle' && (
                <button type="button" className="button button-secondary" onClick={() => void browserSignIn.start(probed.url, login)}>
                  Confirm who you are in your browser first
                </button>
              )}
              {approved && <PersonConfirmed person={approved.view.person} host={probed.host} level={2} />}
              <BrowserSignInProgress
                signIn={browserSignIn.signIn}
                host={probed.host}
                onCancel={() => void browserSignIn.cancel()}
                onRetry={() => void browserSignIn.start(probed.url, login)}
                onTypeLogin={resetSignIn}
                level={2}
              />
            </div>
          )}
        </div>
      )}
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={!ready || busy}>
          {busy ? 'Checking…' : 'Run the checks'}
        </button>
      </div>
    </form>
  );
}
