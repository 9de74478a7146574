import type { AppStateView, SettingsView } from '../../src/ipc/contract';
import { ScreenHeader } from '../components/ScreenHeader';
import { AboutPanel } from './AboutPanel';
import { KeychainPanel } from './KeychainPanel';
import { ManagedPanel } from './ManagedPanel';
import { PreferencesForm } from './PreferencesForm';
import { TrayHelpPanel } from './TrayHelpPanel';

interface Props {
  app: AppStateView;
  onSettingsChanged: (settings: SettingsView) => void;
}

export function SettingsScreen({ app, onSettingsChanged }: Props) {
  const { settings } = app;
  return (
    <div className="screen">
      <ScreenHeader title="Settings" />
      {settings.notice && (
        <p className="note" role="note">
          {settings.notice}
        </p>
      )}
      <PreferencesForm settings={settings} onSettingsChanged={onSettingsChanged} />
      {settings.managed && <ManagedPanel managed={settings.managed} />}
      <KeychainPanel keychain={app.keychain} />
      {app.platform === 'linux' && <TrayHelpPanel />}
      <AboutPanel version={app.version} platform={app.platform} />
    </div>
  );
}
