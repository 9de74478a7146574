import { useState } from 'react';
import type { RequestOf, SettingsView } from '../../src/ipc/contract';
import { describeInterval } from '../components/format-time';
import { intervalOptions } from '../components/interval-choices';
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
      <div className="field">
        <label htmlFor="settings-interval">Check saved logins</label>
        <select
          id="settings-interval"
          value={interval}
          disabled={managedInterval !== null}
          aria-describedby={managedInterval !== null ? 'settings-interval-hint' : undefined}
          onChange={(event) => void update({ checkIntervalHours: Number(event.target.value) })}
        >
          {intervalOptions(interval).map((hours) => (
            <option key={hours} value={hours}>{describeInterval(hours)}</option>
          ))}
        </select>
        {managedInterval !== null && (
          <p id="settings-interval-hint" className="hint">Set by {settings.managed?.studioName ?? 'your studio'}.</p>
        )}
      </div>
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
