import { useEffect, useState } from 'react';
import type { ProbeResponse, SiteView } from '../../src/ipc/contract';
import { describeCallError, gridpass } from '../gridpass';

export type ProbeState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'answered'; response: ProbeResponse }
  | { state: 'error'; message: string };

type Settled = { address: string; state: Extract<ProbeState, { state: 'answered' | 'error' }> };

/** Wait this long after the last keystroke before asking main about the address. */
export const probeDelayMs = 400;

/**
 * Looks the typed address up while the person types: once typing pauses, main asks the site how
 * it signs people in. Only the answer for the address currently typed counts, so a slow reply for
 * an earlier spelling can never overwrite a newer one.
 */
export function useSiteProbe(
  address: string,
  known: { site: SiteView; address: string } | null,
  onSettled: (site: SiteView | null, address: string) => void,
): ProbeState {
  const wanted = address.trim();
  const [settled, setSettled] = useState<Settled | null>(() =>
    known && known.address === wanted ? { address: wanted, state: { state: 'answered', response: { ok: true, site: known.site } } } : null,
  );
  const alreadyKnown = settled?.address === wanted;

  useEffect(() => {
    if (!wanted || alreadyKnown) return;
    let current = true;
    const timer = setTimeout(() => {
      gridpass().probeSite({ address: wanted }).then(
        (response) => {
          if (!current) return;
          setSettled({ address: wanted, state: { state: 'answered', response } });
          onSettled(response.ok ? response.site : null, wanted);
        },
        (error: unknown) => {
          if (!current) return;
          setSettled({ address: wanted, state: { state: 'error', message: describeCallError(error) } });
          onSettled(null, wanted);
        },
      );
    }, probeDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted, alreadyKnown, onSettled]);

  if (!wanted) return { state: 'idle' };
  return alreadyKnown && settled ? settled.state : { state: 'checking' };
}
