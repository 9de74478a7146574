import { describe, expect, it } from 'vitest';
import { createDiagnoseService, type ResolvedDiagnoseTarget } from '../../../src/services/diagnose-service';
import type { ClipboardGuard } from '../../../src/services/clipboard-guard';
import type { DiagnoseStatus } from '../../../src/ipc/contract';

const passphrase = 'correct horse battery';

function quietClipboard(): ClipboardGuard {
  return { copySecret: async () => true, copyText: async () => true, clearPendingSecret: async () => undefined };
}

function target(): ResolvedDiagnoseTarget {
  return { target: { site: null, login: 'maya', passphrase }, accountId: null, inputFinding: null };
}

async function finished(status: () => DiagnoseStatus): Promise<DiagnoseStatus> {
  for (let i = 0; i < 100; i += 1) {
    const now = status();
    if (now.done) return now;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the run never finished');
}

describe('the diagnose service', () => {
  it('keeps the passphrase out of what it shows when the run stops on an error that names it', async () => {
    const service = createDiagnoseService({
      checkDependencies: async () => {
        throw new Error(`could not prepare the checks for user_login=maya&user_password=${encodeURIComponent(passphrase)}`);
      },
      recordLoginAttempt: async () => undefined,
      clipboard: quietClipboard(),
      saveFile: async () => ({ ok: false, cancelled: true, message: '' }),
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    const { runId } = service.start(target());
    const status = await finished(() => service.status(runId));
    expect(status.checks.map((check) => ('summary' in check ? check.summary : ''))).toContain('The diagnosis stopped unexpectedly');
    const shown = JSON.stringify(status);
    expect(shown).toContain('could not prepare the checks');
    expect(shown).not.toContain('horse');
  });
});
