import { describe, expect, it } from 'vitest';
import { createQuitCleanup } from '../../../src/app-shell/quit-cleanup';

function setup(cleanup: () => Promise<void>) {
  const timers: Array<() => void> = [];
  const errors: unknown[] = [];
  let quits = 0;
  const onQuit = createQuitCleanup({
    cleanup,
    quit: () => {
      quits += 1;
    },
    timeoutMs: 2000,
    setTimeout: (fn) => timers.push(fn),
    onError: (error) => errors.push(error),
  });
  const quitEvent = () => {
    let prevented = false;
    onQuit({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { quitEvent, timers, errors, quits: () => quits };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createQuitCleanup', () => {
  it('holds the first quit until the clean-up is done, then quits and lets the next quit through', async () => {
    let finishCleanup = () => undefined as void;
    const run = setup(() => new Promise((resolve) => (finishCleanup = resolve)));
    expect(run.quitEvent()).toBe(true);
    await settle();
    expect(run.quits()).toBe(0);
    finishCleanup();
    await settle();
    expect(run.quits()).toBe(1);
    expect(run.quitEvent()).toBe(false);
  });

  it('runs the clean-up once when quit is asked for again meanwhile', async () => {
    let cleanups = 0;
    const run = setup(async () => {
      cleanups += 1;
      await new Promise(() => undefined);
    });
    expect(run.quitEvent()).toBe(true);
    expect(run.quitEvent()).toBe(true);
    expect(cleanups).toBe(1);
  });

  it('quits after the time limit when the clean-up hangs', async () => {
    const run = setup(() => new Promise(() => undefined));
    run.quitEvent();
    expect(run.timers).toHaveLength(1);
    run.timers[0]?.();
    expect(run.quits()).toBe(1);
    expect(run.quitEvent()).toBe(false);
  });

  it('still quits, once, when the clean-up fails, and reports the failure', async () => {
    const failure = new Error('clipboard refused');
    const run = setup(() => Promise.reject(failure));
    run.quitEvent();
    await settle();
    run.timers[0]?.();
    expect(run.quits()).toBe(1);
    expect(run.errors).toEqual([failure]);
  });
});
