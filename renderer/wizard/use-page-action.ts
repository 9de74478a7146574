import { useState } from 'react';
import { useOpenExternal } from '../components/use-open-external';
import type { StepAction } from './StepFrame';

/** A step whose main action is opening a web page; "Continue" takes over once it has opened. */
export function usePageAction(label: string, url: string): { action: StepAction; problem: string | null } {
  const { open, problem } = useOpenExternal();
  const [opened, setOpened] = useState(false);
  const run = () => {
    void open(url).then((ok) => {
      if (ok) setOpened(true);
    });
  };
  return { action: { label, run, done: opened }, problem };
}
