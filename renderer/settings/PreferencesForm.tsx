import { useState } from 'react';
import type { RequestOf, SettingsView } from '../../src/ipc/contract';
import { IntervalField } from '../components/IntervalField';
import { describeCallError, gridpass } from '../gridpass';

interface Props {
  settings: SettingsView;
  onSettingsChanged: (settings: SettingsView) => void;
}

/** Each change is saved at once; main answers with the settings as they now are. */
export function PreferencesForm({ settings, onSettingsChanged }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const managedInterval = settings.managed?.checkIntervalHours ?? null;
  const interval = managedInterval ?? settings.checkIntervalHours;

  const update = async (change: RequestOf<'updateSettings'>) => {
    try {
      onSettingsChanged(await gridpass().updateSettings(change));
      setMessage('Saved.');
    } catch (error) {
      setMessage(describeCallError(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="preferences-title">
      <h2 id="preferences-title">Checks and start-up</h2>
      <IntervalField
        id="settings-interval"
        label="Check saved logins"
        hours={interval}
        managedBy={managedInterval !== null ? settings.managed?.studioName ?? 'your studio' : null}
        onChange={(hours) => void update({ checkIntervalHours: hours })}
      />
      <label className="check">
        <input type="checkbox" checked={settings.launchAtLogin} onChange={(event) => void update({ launchAtLogin: event.target.checked })} />
        <span>Start Gridpass when I log in to this computer</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.notifications} onChange={(event) => void update({ notifications: event.target.checked })} />
        <span>Notify me when a login stops working</span>
      </label>
      <p role="status" className="save-message">{message}</p>
    </section>
  );
}
