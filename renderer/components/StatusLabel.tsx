import type { IconName } from './Icon';
import { Icon } from './Icon';

/** A status as icon plus words; the tone only adds colour to what the words already say. */
export function StatusLabel({ icon, text }: { icon: IconName; text: string }) {
  return (
    <span className={`status status-${icon}`}>
      <Icon name={icon} />
      <span className="status-text">{text}</span>
    </span>
  );
}
