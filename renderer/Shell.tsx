import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { AppStateView, NavigationTarget, SettingsView } from '../src/ipc/contract';
import { AccountsScreen } from './accounts/AccountsScreen';
import type { DiagnoseTarget } from './diagnose/diagnose-target';
import { DiagnoseScreen } from './diagnose/DiagnoseScreen';
import { gridpass } from './gridpass';
import { Nav } from './Nav';
import { StudioSupportContext, studioSupportOf } from './components/studio-support';
import { SettingsScreen } from './settings/SettingsScreen';
import { useHashScreen } from './use-hash-screen';
import { Wizard } from './wizard/Wizard';
import { initialWizardState, wizardReducer } from './wizard/wizard-state';

/** A site the studio locked wins over any link; otherwise a link's site, then the studio's suggestion. */
function siteToSetUp(app: AppStateView, linked: string | null = app.setupSite): string {
  const managed = app.settings.managed;
  if (managed?.siteLocked && managed.site) return managed.site;
  return linked ?? managed?.site ?? '';
}

/** The window: navigation on the left, one screen on the right. */
export function Shell({ initial }: { initial: AppStateView }) {
  const [app, setApp] = useState(initial);
  const [screen, go] = useHashScreen(initial.accountsCount > 0 ? 'accounts' : 'setup');
  const [wizard, dispatch] = useReducer(wizardReducer, siteToSetUp(initial), initialWizardState);
  const [diagnoseTarget, setDiagnoseTarget] = useState<DiagnoseTarget | null>(null);

  const navigate = useCallback(
    (target: NavigationTarget) => {
      if (target.screen === 'wizard') {
        if (target.site) dispatch({ type: 'start-over', address: siteToSetUp(app, target.site) });
        go('setup');
      } else if (target.screen === 'diagnose') {
        if (target.accountId) setDiagnoseTarget({ kind: 'account', accountId: target.accountId });
        go('diagnose');
      } else {
        go(target.screen);
      }
    },
    [go, app],
  );
  useEffect(() => gridpass().onNavigate(navigate), [navigate]);

  const refreshApp = useCallback(() => {
    gridpass().getAppState({}).then(setApp, () => undefined);
  }, []);
  const onSettingsChanged = (settings: SettingsView) => setApp((current) => ({ ...current, settings }));

  const support = useMemo(() => studioSupportOf(app.settings.managed), [app.settings.managed]);
  return (
    <StudioSupportContext.Provider value={support}>
      <div className="shell">
        <Nav current={screen} studioName={app.settings.managed?.studioName ?? null} />
        <main className="content" id="content">
          {screen === 'setup' && (
            <Wizard
              state={wizard}
              dispatch={dispatch}
              app={app}
              onDiagnoseSite={(site) => {
                setDiagnoseTarget({ kind: 'site', site: site.url });
                go('diagnose');
              }}
              onShowAccounts={() => go('accounts')}
              onSaved={refreshApp}
            />
          )}
          {screen === 'accounts' && (
            <AccountsScreen
              onSetUp={(site) => navigate({ screen: 'wizard', site })}
              onDiagnose={(accountId) => navigate({ screen: 'diagnose', accountId })}
              onChanged={refreshApp}
            />
          )}
          {screen === 'diagnose' && <DiagnoseScreen key={targetKey(diagnoseTarget)} initialTarget={diagnoseTarget} />}
          {screen === 'settings' && <SettingsScreen app={app} onSettingsChanged={onSettingsChanged} />}
        </main>
      </div>
    </StudioSupportContext.Provider>
  );
}

/** A new target (from the tray or another screen) starts a fresh Diagnose form. */
function targetKey(target: DiagnoseTarget | null): string {
  if (!target) return 'none';
  return target.kind === 'account' ? `account:${target.accountId}` : `site:${target.site}`;
}
