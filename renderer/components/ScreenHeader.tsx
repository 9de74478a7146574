import type { ReactNode } from 'react';
import { useFocusOnMount } from './use-focus-on-mount';

/** A screen's title (focused when the screen opens) and a line saying what the screen is for. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="screen-header">
      <h1 ref={heading} tabIndex={-1}>{title}</h1>
      {children && <div className="lead">{children}</div>}
    </div>
  );
}
