/** The clipboard as main sees it: Electron's `clipboard` in the app, a fake in tests. */
export interface Clipboard {
  /** Electron's clipboard calls may return promises; both are awaited. */
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
}

export interface ClipboardGuard {
  /** Copies a secret and clears it after `seconds`, unless the person copied something else since. */
  /** Resolves false when the clipboard refused the text; the caller tells the person. */
  copySecret(secret: string, seconds: number): Promise<boolean>;
  copyText(text: string): Promise<boolean>;
  /** A secret still waiting to be cleared is cleared now (on quit, and at the end of a booking). */
  clearPendingSecret(): Promise<void>;
}

export function createClipboardGuard(
  clipboard: Clipboard,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void } = {
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  },
): ClipboardGuard {
  let pending: unknown = null;
  let pendingSecret: string | null = null;
  // Only our own copy is cleared: if the person copied something else since, it stays.
  const clearIfStill = async (secret: string) => {
    try {
      if ((await clipboard.readText()) === secret) await clipboard.writeText('');
    } catch {
      // A clipboard that cannot be read cannot be checked; leaving it is safer than wiping someone's text.
    }
  };
  const write = async (text: string): Promise<boolean> => {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  };
  const cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    pendingSecret = null;
  };
  return {
    async copySecret(secret, seconds) {
      cancel();
      if (!(await write(secret))) return false;
      pendingSecret = secret;
      pending = timers.setTimeout(() => {
        pending = null;
        pendingSecret = null;
        void clearIfStill(secret);
      }, seconds * 1000);
      return true;
    },
    async copyText(text) {
      cancel();
      return write(text);
    },
    async clearPendingSecret() {
      const secret = pendingSecret;
      cancel();
      if (secret !== null) await clearIfStill(secret);
    },
  };
}
