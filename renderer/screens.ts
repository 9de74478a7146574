/** The app's screens, addressed by the location hash (#/accounts) so links and tests can open one. */
export const screens = ['setup', 'accounts', 'diagnose', 'settings'] as const;
export type Screen = (typeof screens)[number];

export const screenLabels: Record<Screen, string> = {
  setup: 'Set up',
  accounts: 'Accounts',
  diagnose: 'Diagnose',
  settings: 'Settings',
};

export function screenFromHash(hash: string): Screen | null {
  const name = hash.replace(/^#\/?/, '');
  return (screens as readonly string[]).includes(name) ? (name as Screen) : null;
}

export function hashOf(screen: Screen): string {
  return `#/${screen}`;
}
