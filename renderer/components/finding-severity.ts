import type { Finding } from '../../src/ipc/contract';
import type { IconName } from './Icon';

export const severityIcon: Record<Finding['severity'], IconName> = { error: 'fail', warning: 'warn', info: 'info' };
export const severityWord: Record<Finding['severity'], string> = { error: 'Problem', warning: 'Warning', info: 'Note' };
