import { useCallback, useEffect, useState } from 'react';
import type { Screen } from './screens';
import { hashOf, screenFromHash } from './screens';

/** The current screen, kept in the location hash so the nav is plain links. */
export function useHashScreen(fallback: Screen): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => screenFromHash(window.location.hash) ?? fallback);
  useEffect(() => {
    const onHashChange = () => {
      const next = screenFromHash(window.location.hash);
      if (next) setScreen(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const go = useCallback((next: Screen) => {
    setScreen(next);
    if (window.location.hash !== hashOf(next)) window.location.hash = hashOf(next);
  }, []);
  return [screen, go];
}
