import { EventEmitter } from 'node:events';
import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDesktopNotifier } from '../../../main/desktop-notifier';
import type { NotificationHandle } from '../../../main/desktop-notifier';

class FakeNotification extends EventEmitter implements NotificationHandle {
  shown = false;
  constructor(readonly options: NotificationConstructorOptions) { super(); }
  show() { this.shown = true; }
}

function setup(platform: string, supported = true) {
  const created: FakeNotification[] = [];
  const notify = createDesktopNotifier({
    platform,
    isSupported: () => supported,
    create: (options) => { const n = new FakeNotification(options); created.push(n); return n; },
  });
  return { notify, created };
}

describe('createDesktopNotifier', () => {
  it('shows a "Fix it" button on macOS that runs the fix', () => {
    const { notify, created } = setup('darwin');
    let fixed = 0;
    expect(notify({ title: 'Your ShotGrid login stopped working', body: 'alex on mystudio: no PAT.', onClick: () => fixed++ })).toBe(true);
    const notification = created[0]!;
    expect(notification.options).toEqual({
      title: 'Your ShotGrid login stopped working', body: 'alex on mystudio: no PAT.', silent: false, actions: [{ type: 'button', text: 'Fix it' }],
    });
    expect(notification.shown).toBe(true);
    notification.emit('action', {}, 0);
    expect(fixed).toBe(1);
  });

  it('runs the fix on a click elsewhere, where buttons are not supported', () => {
    const { notify, created } = setup('win32');
    let fixed = 0;
    notify({ title: 't', body: 'b', onClick: () => fixed++ });
    expect(created[0]!.options.actions).toBeUndefined();
    created[0]!.emit('click');
    expect(fixed).toBe(1);
  });

  it('does nothing where notifications are unsupported', () => {
    const { notify, created } = setup('linux', false);
    expect(notify({ title: 't', body: 'b' })).toBe(false);
    expect(created).toEqual([]);
  });
});
