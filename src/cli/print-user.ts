import type { HumanUserRecord } from '../shotgrid/shotgrid-client';

const statusWords: Readonly<Record<string, string>> = { act: 'active', dis: 'disabled' };

/** Who the site says the person is: what support staff compare with what the artist expected. */
export function formatUser(user: HumanUserRecord): string {
  const status = user.status === null ? 'not readable' : `${statusWords[user.status] ?? user.status} (${user.status})`;
  const rows: Array<[string, string]> = [
    ['Name', user.name ?? 'not readable'],
    ['Login', user.login],
    ['Email', user.email ?? 'not readable'],
    ['Status', status],
    ['Permission group', user.permissionGroup ?? 'not readable'],
    ['User id', String(user.id)],
  ];
  return rows.map(([label, value]) => `  ${label.padEnd(17)} ${value}`).join('\n');
}
