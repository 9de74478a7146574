import type { AccountHealth } from '../../src/ipc/contract';
import type { IconName } from '../components/Icon';

export const healthDisplay: Record<AccountHealth, { icon: IconName; text: string }> = {
  ok: { icon: 'ok', text: 'Working' },
  checking: { icon: 'running', text: 'Checking…' },
  attention: { icon: 'warn', text: 'Needs attention' },
  failing: { icon: 'fail', text: 'Not working' },
  unchecked: { icon: 'skip', text: 'Not checked yet' },
};
