import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowserSignInView, Finding } from '../../src/ipc/contract';
import { describeCallError, gridpass } from '../gridpass';

export type BrowserSignIn =
  | { state: 'idle' }
  | { state: 'starting' }
  /** `secondsLeft` counts down here between main's answers. */
  | { state: 'waiting'; signInId: string; view: Extract<BrowserSignInView, { state: 'waiting' }>; secondsLeft: number }
  | { state: 'approved'; signInId: string; view: Extract<BrowserSignInView, { state: 'approved' }> }
  | { state: 'failed'; finding: Finding }
  | { state: 'error'; message: string };

/** One browser sign-in as a screen holds it: its state and what can be done with it. */
export type BrowserSignInFlow = ReturnType<typeof useBrowserSignIn>;

/**
 * A browser sign-in run in main, followed here: main announces each change (sign-in-progress) and the
 * window asks for the view once per announcement, and once when it starts. A sign-in still waiting when
 * the screen that started it goes away is cancelled: nobody is left to show its answer.
 */
export function useBrowserSignIn() {
  const [signIn, setSignIn] = useState<BrowserSignIn>({ state: 'idle' });
  const [signInId, setSignInId] = useState<string | null>(null);
  const waitingId = useRef<string | null>(null);
  const stillWaiting = signIn.state === 'waiting' || signIn.state === 'starting' ? signInId : null;
  useEffect(() => {
    waitingId.current = stillWaiting;
  }, [stillWaiting]);

  useEffect(() => {
    if (signInId === null) return;
    let current = true;
    const show = (view: BrowserSignInView) => {
      if (!current) return;
      switch (view.state) {
        case 'starting':
          return setSignIn({ state: 'starting' });
        case 'waiting':
          return setSignIn({ state: 'waiting', signInId, view, secondsLeft: view.secondsLeft });
        case 'approved':
          return setSignIn({ state: 'approved', signInId, view });
        case 'failed':
          return setSignIn({ state: 'failed', finding: view.finding });
      }
    };
    const fetchView = () => gridpass().browserSignInStatus({ signInId }).then(show, (error: unknown) => {
      if (current) setSignIn({ state: 'error', message: describeCallError(error) });
    });
    const off = gridpass().onEvent((event) => {
      if (event.type === 'sign-in-progress' && event.signInId === signInId) void fetchView();
    });
    void fetchView();
    return () => {
      current = false;
      off();
    };
  }, [signInId]);

  const ticking = signIn.state === 'waiting';
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => {
      setSignIn((previous) => (previous.state === 'waiting' ? { ...previous, secondsLeft: Math.max(0, previous.secondsLeft - 1) } : previous));
    }, 1000);
    return () => clearInterval(timer);
  }, [ticking]);

  useEffect(() => () => {
    if (waitingId.current !== null) void gridpass().cancelBrowserSignIn({ signInId: waitingId.current }).catch(() => undefined);
  }, []);

  const start = useCallback(async (site: string, login?: string) => {
    setSignIn({ state: 'starting' });
    setSignInId(null);
    try {
      const started = await gridpass().startBrowserSignIn({ site, ...(login?.trim() ? { login: login.trim() } : {}) });
      if (started.ok) setSignInId(started.signInId);
      else setSignIn({ state: 'failed', finding: started.finding });
    } catch (error) {
      setSignIn({ state: 'error', message: describeCallError(error) });
    }
  }, []);

  const cancel = useCallback(async () => {
    if (signInId === null) return;
    try {
      const cancelled = await gridpass().cancelBrowserSignIn({ signInId });
      if (!cancelled.ok) setSignIn({ state: 'error', message: cancelled.message });
    } catch (error) {
      setSignIn({ state: 'error', message: describeCallError(error) });
    }
  }, [signInId]);

  const reset = useCallback(() => {
    setSignInId(null);
    setSignIn({ state: 'idle' });
  }, []);

  return { signIn, start, cancel, reset };
}
