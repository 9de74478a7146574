import { describe, expect, it, vi } from 'vitest';
import { copySupportReport, pickReportAccount } from '../../../src/app-shell/support-report';
import type { SupportReportDeps } from '../../../src/app-shell/support-report';
import { createServiceEventHub } from '../../../src/services/service-events';
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
  /** The run finishes when the test says so, announced as the service announces it. */
  function handlers(copied = true, finishDuringStart = false) {
    const calls: string[] = [];
    const events = createServiceEventHub();
    const finish = () => events.emit({ type: 'diagnose-finished', runId: 'run-1' });
    const fake: SupportReportDeps['handlers'] = {
      listAccounts: async () => [accountView({ id: 'a' }), accountView({ id: 'b', health: 'failing' })],
      startDiagnose: async (request) => {
        calls.push(`start ${JSON.stringify(request.target)}`);
        if (finishDuringStart) finish();
        return { runId: 'run-1' };
      },
      copyDiagnoseReport: async ({ runId }) => { calls.push(`copy ${runId}`); return copied ? { ok: true } : { ok: false, message: 'Clipboard unavailable.' }; },
    };
    return { fake, calls, events, finish };
  }

  it('diagnoses the failing login and copies its report once the run announces its verdict', async () => {
    const { fake, calls, events, finish } = handlers();
    const pending = copySupportReport({ handlers: fake, events });
    await vi.waitFor(() => expect(calls).toEqual(['start {"kind":"account","accountId":"b"}']));
    events.emit({ type: 'diagnose-finished', runId: 'another-run' });
    events.emit({ type: 'diagnose-progress', runId: 'run-1' });
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    finish();
    expect(await pending).toEqual({ ok: true, accountId: 'b' });
    expect(calls).toEqual(['start {"kind":"account","accountId":"b"}', 'copy run-1']);
  });

  it('does not miss a run that finished before startDiagnose answered', async () => {
    const { fake, calls, events } = handlers(true, true);
    expect(await copySupportReport({ handlers: fake, events })).toEqual({ ok: true, accountId: 'b' });
    expect(calls).toEqual(['start {"kind":"account","accountId":"b"}', 'copy run-1']);
  });

  it('passes on a copy failure and refuses when nothing is saved', async () => {
    const { fake, events } = handlers(false, true);
    expect(await copySupportReport({ handlers: fake, events })).toEqual({ ok: false, message: 'Clipboard unavailable.' });
    expect(await copySupportReport({ handlers: { ...fake, listAccounts: async () => [] }, events }))
      .toEqual({ ok: false, message: 'There is no saved login to report on yet.' });
  });
});
