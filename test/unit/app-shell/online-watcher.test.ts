import { describe, expect, it } from 'vitest';
import { OnlineWatcher } from '../../../src/app-shell/online-watcher';
import { FakeClock } from '../../fixtures/fake-clock';

describe('OnlineWatcher', () => {
  it('reports each offline -> online transition once', async () => {
    const clock = new FakeClock();
    const readings = [true, false, false, true, true, false, true];
    let online = true;
    let restored = 0;
    const watcher = new OnlineWatcher({ clock, pollMs: 1_000, isOnline: () => online, onOnline: () => restored++ });
    watcher.start();
    for (const reading of readings) {
      online = reading;
      await clock.advance(1_000);
    }
    expect(restored).toBe(2);
    watcher.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not report a start while online as a restoration', async () => {
    const clock = new FakeClock();
    let restored = 0;
    const watcher = new OnlineWatcher({ clock, isOnline: () => true, onOnline: () => restored++ });
    watcher.start();
    await clock.advance(60_000);
    expect(restored).toBe(0);
  });
});
