/**
 * Puts focus back on an element when the control that had it went away or was disabled (a button
 * that turns into "Checking…", a panel that closes), which leaves keyboard and screen-reader users
 * at the top of the window. If the person has already moved on, their focus is left alone.
 */
export function focusIfLost(element: HTMLElement | null): void {
  const current = document.activeElement;
  const lost = current === null || current === document.body || !current.isConnected || (current as HTMLButtonElement).disabled === true;
  if (lost) element?.focus();
}
