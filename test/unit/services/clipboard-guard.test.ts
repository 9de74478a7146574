import { describe, expect, it } from 'vitest';
import { createClipboardGuard } from '../../../src/services/clipboard-guard';
import { recordingClipboard } from '../../fixtures/real-service';

function manualTimers() {
  const due: Array<() => void> = [];
  return {
    timers: { setTimeout: (fn: () => void) => due.push(fn), clearTimeout: () => due.splice(0) },
    fire: async () => {
      for (const fn of due.splice(0)) fn();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the clipboard guard', () => {
  it('clears a copied secret when its time is up', async () => {
    const clipboard = recordingClipboard();
    const { timers, fire } = manualTimers();
    await createClipboardGuard(clipboard, timers).copySecret('pat-123', 60);
    expect(clipboard.text).toBe('pat-123');
    await fire();
    expect(clipboard.text).toBe('');
  });

  it('leaves what the person copied since alone', async () => {
    const clipboard = recordingClipboard();
    const { timers, fire } = manualTimers();
    await createClipboardGuard(clipboard, timers).copySecret('pat-123', 60);
    clipboard.writeText('their own text');
    await fire();
    expect(clipboard.text).toBe('their own text');
  });

  it('awaits a clipboard whose calls return promises, as Electron 45 does', async () => {
    let text = '';
    const asyncClipboard = { writeText: async (value: string) => void (text = value), readText: async () => text };
    const { timers, fire } = manualTimers();
    await createClipboardGuard(asyncClipboard, timers).copySecret('pat-123', 60);
    await fire();
    expect(text).toBe('');
  });

  it('clears a pending secret at once when asked (quit, end of booking)', async () => {
    const clipboard = recordingClipboard();
    const guard = createClipboardGuard(clipboard, manualTimers().timers);
    await guard.copySecret('pat-123', 60);
    await guard.clearPendingSecret();
    expect(clipboard.text).toBe('');
  });

  it('copies a report without ever clearing it', async () => {
    const clipboard = recordingClipboard();
    const { timers, fire } = manualTimers();
    await createClipboardGuard(clipboard, timers).copyText('# report');
    await fire();
    expect(clipboard.text).toBe('# report');
  });
});

describe('a clipboard that refuses', () => {
  it('reports the failed copy instead of leaving an unhandled rejection', async () => {
    const refusing = { writeText: async () => Promise.reject(new Error('clipboard busy')), readText: async () => '' };
    const guard = createClipboardGuard(refusing, manualTimers().timers);
    expect(await guard.copySecret('pat-123', 60)).toBe(false);
    expect(await guard.copyText('# report')).toBe(false);
  });
});
