import { describe, expect, it } from 'vitest';
import { copySupportReport, pickReportAccount } from '../../../src/app-shell/support-report';
import type { SupportReportDeps } from '../../../src/app-shell/support-report';
import { accountView } from '../../fixtures/account-view';

describe('pickReportAccount', () => {
  it('prefers a failing login, then one needing attention, then the first', () => {
    const ok = accountView({ id: 'ok' });
    const attention = accountView({ id: 'attention', health: 'attention' });
    const failing = accountView({ id: 'failing', health: 'failing' });
    expect(pickReportAccount([ok, attention, failing])?.id).toBe('failing');
    expect(pickReportAccount([ok, attention])?.id).toBe('attention');
    expect(pickReportAccount([ok])?.id).toBe('ok');
    expect(pickReportAccount([])).toBeNull();
  });
});

describe('copySupportReport', () => {
  function handlers(doneAfter: number, copied = true) {
    const calls: string[] = [];
    let polls = 0;
    const fake: SupportReportDeps['handlers'] = {
      listAccounts: async () => [accountView({ id: 'a' }), accountView({ id: 'b', health: 'failing' })],
      startDiagnose: async (request) => { calls.push(`start ${JSON.stringify(request.target)}`); return { runId: 'run-1' }; },
      diagnoseStatus: async () => ({ runId: 'run-1', done: ++polls >= doneAfter, checks: [], verdict: null }),
      copyDiagnoseReport: async ({ runId }) => { calls.push(`copy ${runId}`); return copied ? { ok: true } : { ok: false, message: 'Clipboard unavailable.' }; },
    };
    return { fake, calls };
  }

  it('diagnoses the failing login, waits for the run and copies its report', async () => {
    const { fake, calls } = handlers(3);
    const result = await copySupportReport({ handlers: fake, sleep: async () => undefined });
    expect(result).toEqual({ ok: true, accountId: 'b' });
    expect(calls).toEqual(['start {"kind":"account","accountId":"b"}', 'copy run-1']);
  });

  it('gives up after the timeout instead of waiting forever', async () => {
    const { fake, calls } = handlers(Number.POSITIVE_INFINITY);
    const result = await copySupportReport({ handlers: fake, sleep: async () => undefined, pollMs: 100, timeoutMs: 1_000 });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('did not finish in time') });
    expect(calls).toHaveLength(1);
  });

  it('passes on a copy failure and refuses when nothing is saved', async () => {
    const { fake } = handlers(1, false);
    expect(await copySupportReport({ handlers: fake, sleep: async () => undefined })).toEqual({ ok: false, message: 'Clipboard unavailable.' });
    expect(await copySupportReport({ handlers: { ...fake, listAccounts: async () => [] }, sleep: async () => undefined }))
      .toEqual({ ok: false, message: 'There is no saved login to report on yet.' });
  });
});
