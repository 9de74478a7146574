import type { CheckStatus } from '../../src/ipc/contract';
import type { IconName } from '../components/Icon';

export type LiveCheckStatus = CheckStatus | 'pending' | 'running';

export const checkStatusDisplay: Record<LiveCheckStatus, { icon: IconName; text: string }> = {
  pending: { icon: 'pending', text: 'Waiting' },
  running: { icon: 'running', text: 'Checking' },
  pass: { icon: 'ok', text: 'Passed' },
  warn: { icon: 'warn', text: 'Warning' },
  fail: { icon: 'fail', text: 'Failed' },
  skipped: { icon: 'skip', text: 'Skipped' },
};
