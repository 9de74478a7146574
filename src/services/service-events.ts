/**
 * What the service tells the shell, typed: the events the window also hears (see AppEvent in the IPC
 * contract), plus those only main needs. The shell reacts to these instead of guessing from request
 * names and reply shapes, so a change made deep inside a run (a diagnosis recording a refusal after
 * its start was answered) reaches the tray and the window all the same.
 */
import type { AppEvent } from '../ipc/contract';

export type ServiceEvent =
  | AppEvent
  /** The person chose this site (typed it, signed in to it, or saved it): its pages may be opened. */
  | { type: 'site-chosen'; site: string };

type ServiceEventListener = (event: ServiceEvent) => void;

export interface ServiceEvents {
  /** Returns an unsubscribe function. */
  on(listener: ServiceEventListener): () => void;
}

interface ServiceEventHub extends ServiceEvents {
  emit(event: ServiceEvent): void;
}

/** The events the window hears; the others stay in main. */
export function isAppEvent(event: ServiceEvent): event is AppEvent {
  return event.type !== 'site-chosen';
}

/**
 * A listener that throws is reported and the others still hear the event: one broken subscriber must
 * not stop the tray from updating.
 */
export function createServiceEventHub(onListenerError: (error: unknown) => void = () => undefined): ServiceEventHub {
  const listeners = new Set<ServiceEventListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
