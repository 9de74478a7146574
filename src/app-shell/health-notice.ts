/**
 * The desktop notification after a background check: sent when a login *becomes* a problem (or its
 * problem changes), never again for every check that finds the same thing, and never for checks the
 * person started themselves, because they are looking at the answer already. "Fix it" opens the
 * screen that can fix it.
 */
import type { AccountView, CheckReason, NavigationTarget } from '../ipc/contract';

interface HealthNotice {
  title: string;
  body: string;
  target: NavigationTarget;
}

const backgroundReasons: readonly CheckReason[] = ['schedule', 'resume', 'network', 'startup'];

export function healthNotice(before: AccountView | undefined, after: AccountView): HealthNotice | null {
  if (after.lastCheckReason === null || !backgroundReasons.includes(after.lastCheckReason)) return null;
  if (!isProblem(after)) return null;
  if (before !== undefined && isProblem(before) && before.lastFinding?.code === after.lastFinding?.code) return null;
  const title = after.health === 'failing' ? 'Your ShotGrid login stopped working' : 'Your ShotGrid login needs attention';
  const what = after.secretMissing
    ? 'Gridpass cannot read the saved passphrase from the keychain.'
    : after.lastFinding?.title ?? 'The last check did not pass.';
  const paused = after.checksPaused ? ' Automatic checks are paused so the account is not locked.' : '';
  return {
    title,
    body: `${after.login} on ${after.host}: ${ensurePeriod(what)}${paused}`,
    target: after.secretMissing ? { screen: 'wizard', site: after.site } : { screen: 'diagnose', accountId: after.id },
  };
}

/**
 * Worth interrupting the person for: a login that stopped working, or one the keychain cannot serve.
 * Network or site trouble ("attention" for any other reason) is not theirs to fix; the tray colour says it.
 */
function isProblem(account: AccountView): boolean {
  if (account.health === 'failing' || account.secretMissing) return true;
  return account.health === 'attention' && (account.lastFinding?.code.startsWith('GP-KEYCHAIN-') ?? false);
}

function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
