import type { ReactNode } from 'react';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline "are you sure" for actions that cannot be undone; focus lands on its question. */
export function ConfirmPanel({ title, children, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="confirm" role="group" aria-label={title}>
      <h3 ref={heading} tabIndex={-1}>{title}</h3>
      <div className="confirm-body">{children}</div>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>Cancel</button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </div>
  );
}
