/**
 * Holds the quit until the clean-up has run. Electron's clipboard is asynchronous (since 44), so clearing a
 * token still waiting on the clipboard cannot finish inside a 'will-quit' listener: the process would
 * be gone first. The first quit is held (preventDefault), the clean-up runs with a time limit so a
 * stuck keychain or clipboard never keeps the app alive, and then the quit is asked for again and
 * let through.
 */
export interface QuitEvent {
  preventDefault(): void;
}

export function createQuitCleanup(deps: {
  cleanup: () => Promise<void>;
  quit: () => void;
  timeoutMs: number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  onError: (error: unknown) => void;
}): (event: QuitEvent) => void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    const finish = () => {
      if (state === 'done') return;
      state = 'done';
      deps.quit();
    };
    deps.setTimeout(finish, deps.timeoutMs);
    deps.cleanup().catch(deps.onError).finally(finish);
  };
}
