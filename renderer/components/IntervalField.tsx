import { describeInterval } from './format-time';
import { intervalOptions } from './interval-choices';

interface Props {
  id: string;
  label: string;
  hours: number;
  /** Set when the studio's managed config fixes the interval: the field is shown, not editable. */
  managedBy: string | null;
  onChange: (hours: number) => void;
}

/** How often saved logins are re-checked; used by the wizard's save step and by Settings. */
export function IntervalField({ id, label, hours, managedBy, onChange }: Props) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={hours}
        disabled={managedBy !== null}
        aria-describedby={managedBy !== null ? hintId : undefined}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {intervalOptions(hours).map((choice) => (
          <option key={choice} value={choice}>{describeInterval(choice)}</option>
        ))}
      </select>
      {managedBy !== null && <p id={hintId} className="hint">Set by {managedBy}.</p>}
    </div>
  );
}
