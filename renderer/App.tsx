import { useEffect, useState } from 'react';
import type { AppStateView } from '../src/ipc/contract';
import { Shell } from './Shell';
import { describeCallError, gridpass } from './gridpass';

type Loading = { state: 'loading' } | { state: 'ready'; app: AppStateView } | { state: 'failed'; message: string };

/** Loads what main knows (settings, keychain, a site waiting to be set up), then shows the app. */
export function App() {
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    gridpass().getAppState({}).then(
      (app) => current && setLoading({ state: 'ready', app }),
      (error: unknown) => current && setLoading({ state: 'failed', message: describeCallError(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  switch (loading.state) {
    case 'loading':
      return <p className="app-loading" role="status">Starting Gridpass…</p>;
    case 'failed':
      return (
        <main className="app-failed">
          <h1>Gridpass couldn’t start</h1>
          <p>{loading.message}</p>
          <button type="button" className="button button-primary" onClick={() => setAttempt((n) => n + 1)}>Try again</button>
        </main>
      );
    case 'ready':
      return <Shell initial={loading.app} />;
  }
}
