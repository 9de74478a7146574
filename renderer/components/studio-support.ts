import { createContext, useContext } from 'react';
import type { ManagedConfigView } from '../../src/ipc/contract';

/** Whom to ask when a fix does not work: the studio's own contact and help page, from its managed config. */
export interface StudioSupportView {
  studioName: string | null;
  contact: string | null;
  helpUrl: string | null;
}

/** Provided once by the shell, so every failure panel can name the studio's support without being handed it. */
export const StudioSupportContext = createContext<StudioSupportView | null>(null);

export function studioSupportOf(managed: ManagedConfigView | null): StudioSupportView | null {
  if (managed === null || (managed.supportContact === null && managed.helpUrl === null)) return null;
  return { studioName: managed.studioName, contact: managed.supportContact, helpUrl: managed.helpUrl };
}

export function useStudioSupport(): StudioSupportView | null {
  return useContext(StudioSupportContext);
}
