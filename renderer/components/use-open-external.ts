import { useCallback, useState } from 'react';
import { describeCallError, gridpass } from '../gridpass';

/**
 * Opens a page in the person's browser through main (which checks it against its allow-list) and
 * keeps the reason if main refused, so the button can say why nothing happened.
 */
export function useOpenExternal() {
  const [problem, setProblem] = useState<string | null>(null);
  const open = useCallback(async (url: string): Promise<boolean> => {
    try {
      const result = await gridpass().openExternal({ url });
      setProblem(result.ok ? null : result.message);
      return result.ok;
    } catch (error) {
      setProblem(describeCallError(error));
      return false;
    }
  }, []);
  return { open, problem };
}
