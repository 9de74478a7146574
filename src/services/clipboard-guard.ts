/** The clipboard as main sees it: Electron's `clipboard` in the app, a fake in tests. */
export interface Clipboard {
  writeText(text: string): void;
  readText(): string;
}

export interface ClipboardGuard {
  /** Copies a secret and clears it after `seconds`, unless the person copied something else since. */
  copySecret(secret: string, seconds: number): void;
  copyText(text: string): void;
  dispose(): void;
}

export function createClipboardGuard(
  clipboard: Clipboard,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void } = {
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  },
): ClipboardGuard {
  let pending: unknown = null;
  const cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return {
    copySecret(secret, seconds) {
      cancel();
      clipboard.writeText(secret);
      pending = timers.setTimeout(() => {
        pending = null;
        if (clipboard.readText() === secret) clipboard.writeText('');
      }, seconds * 1000);
    },
    copyText(text) {
      cancel();
      clipboard.writeText(text);
    },
    dispose: cancel,
  };
}
