/**
 * Desktop notifications with a "Fix it" action. macOS shows it as a button; elsewhere a click on the
 * notification does the same. Notifications are kept referenced until they are done with, or the
 * click handler can be garbage-collected before the person clicks.
 */
import type { NotificationConstructorOptions } from 'electron';

export interface NotificationHandle {
  on(event: 'click' | 'close', listener: () => void): unknown;
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  show(): void;
}

export interface DesktopNotice {
  title: string;
  body: string;
  /** Runs on a click or on the action button. */
  onClick?: () => void;
  actionLabel?: string;
}

export function createDesktopNotifier(deps: {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): NotificationHandle;
  platform: string;
}): (notice: DesktopNotice) => boolean {
  const alive = new Set<NotificationHandle>();
  return (notice) => {
    if (!deps.isSupported()) return false;
    const withAction = notice.onClick !== undefined && deps.platform === 'darwin';
    const notification = deps.create({
      title: notice.title,
      body: notice.body,
      silent: false,
      ...(withAction ? { actions: [{ type: 'button', text: notice.actionLabel ?? 'Fix it' }] } : {}),
    });
    alive.add(notification);
    const done = () => alive.delete(notification);
    notification.on('click', () => {
      done();
      notice.onClick?.();
    });
    notification.on('action', () => {
      done();
      notice.onClick?.();
    });
    notification.on('close', done);
    notification.show();
    return true;
  };
}
