import { useEffect, useRef } from 'react';

/**
 * Moves keyboard and screen-reader focus to an element (a step's or screen's heading, marked
 * tabIndex -1) when it appears, so each new step is announced and Tab continues from there.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
