/**
 * What the tray shows, as plain data: one icon, a tooltip and the whole menu, derived from the
 * current state alone (Signal's state-driven render). TrayService in main turns this into Electron
 * objects; everything that decides *what* to show lives here and is tested without Electron.
 */
import type { AccountHealth } from '../ipc/contract';

export type TrayIcon = 'ok' | 'checking' | 'attention' | 'failing';
export const trayIcons: readonly TrayIcon[] = ['ok', 'checking', 'attention', 'failing'];

export interface TrayAccount {
  id: string;
  login: string;
  host: string;
  health: AccountHealth;
  checksPaused: boolean;
}

export interface TrayState {
  accounts: readonly TrayAccount[];
  /** A check pass is running right now. */
  checking: boolean;
  launchAtLogin: boolean;
  /** e.g. "Keychain unavailable": shown as an extra status line and turns the icon amber. */
  problem: string | null;
}

export type TrayAction =
  | { kind: 'show-account'; accountId: string; healthy: boolean }
  | { kind: 'check-now' }
  | { kind: 'open' }
  | { kind: 'diagnose' }
  | { kind: 'copy-support-report' }
  | { kind: 'toggle-launch-at-login' }
  | { kind: 'quit' };

export type TrayMenuItem =
  | { type: 'action'; label: string; enabled: boolean; action: TrayAction }
  | { type: 'checkbox'; label: string; checked: boolean; action: TrayAction }
  | { type: 'note'; label: string }
  | { type: 'separator' };

interface TrayModel {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

const healthWords: Record<AccountHealth, string> = {
  ok: 'working',
  checking: 'checking…',
  attention: 'needs attention',
  failing: 'not working',
  unchecked: 'not checked yet',
};

/** Past this many logins the menu outgrows a laptop screen; the rest are one click away in the window. */
const MAX_STATUS_LINES = 8;

export function trayModel(state: TrayState): TrayModel {
  const icon = trayIconFor(state);
  return { icon, tooltip: tooltipFor(state), menu: menuFor(state) };
}

/** Worst first: a failing login outranks one needing attention, which outranks a running check. */
function trayIconFor(state: TrayState): TrayIcon {
  const healths = state.accounts.map((account) => account.health);
  if (healths.includes('failing')) return 'failing';
  if (healths.includes('attention') || state.accounts.some((a) => a.checksPaused) || state.problem !== null) return 'attention';
  if (state.accounts.length === 0) return 'attention';
  if (state.checking || healths.includes('checking') || healths.includes('unchecked')) return 'checking';
  return 'ok';
}

function tooltipFor(state: TrayState): string {
  const total = state.accounts.length;
  if (total === 0) return 'Gridpass: no saved login yet';
  const broken = state.accounts.filter((a) => a.health === 'failing' || a.health === 'attention' || a.checksPaused).length;
  if (broken > 0) return `Gridpass: ${broken} of ${total} ${total === 1 ? 'login needs' : 'logins need'} attention`;
  if (state.checking) return 'Gridpass: checking your logins…';
  const allOk = state.accounts.every((a) => a.health === 'ok');
  return allOk ? `Gridpass: ${total === 1 ? 'your login works' : `all ${total} logins work`}` : 'Gridpass: waiting for the first check';
}

function statusLabel(account: TrayAccount): string {
  const paused = account.checksPaused ? ' (checks paused)' : '';
  return `${menuText(account.login)} on ${menuText(account.host)}: ${healthWords[account.health]}${paused}`;
}

/** Electron reads "&" in a menu label as a keyboard shortcut marker and hides it; "&&" shows one. */
function menuText(text: string): string {
  return text.replace(/&/g, '&&');
}

function urgency(account: TrayAccount): number {
  if (account.health === 'failing') return 2;
  return account.health === 'attention' || account.checksPaused ? 1 : 0;
}

function statusLines(accounts: readonly TrayAccount[]): TrayMenuItem[] {
  if (accounts.length === 0) return [{ type: 'note', label: 'No saved login yet' }];
  // Only a list too long to show whole is reordered, so the logins that need the person stay in view.
  const shown = accounts.length <= MAX_STATUS_LINES
    ? accounts
    : [...accounts].sort((a, b) => urgency(b) - urgency(a)).slice(0, MAX_STATUS_LINES);
  const lines: TrayMenuItem[] = shown.map((account) => ({
    type: 'action',
    label: statusLabel(account),
    enabled: true,
    action: { kind: 'show-account', accountId: account.id, healthy: account.health === 'ok' && !account.checksPaused },
  }));
  const hidden = accounts.length - shown.length;
  if (hidden > 0) lines.push({ type: 'action', label: `${hidden} more ${hidden === 1 ? 'login' : 'logins'}…`, enabled: true, action: { kind: 'open' } });
  return lines;
}

function menuFor(state: TrayState): TrayMenuItem[] {
  const problem: TrayMenuItem[] = state.problem === null ? [] : [{ type: 'note', label: menuText(state.problem) }];
  const hasAccounts = state.accounts.length > 0;
  return [
    ...statusLines(state.accounts),
    ...problem,
    { type: 'separator' },
    { type: 'action', label: state.checking ? 'Checking…' : 'Check now', enabled: hasAccounts && !state.checking, action: { kind: 'check-now' } },
    { type: 'action', label: hasAccounts ? 'Open Gridpass' : 'Set up Gridpass…', enabled: true, action: { kind: 'open' } },
    { type: 'action', label: 'Diagnose…', enabled: true, action: { kind: 'diagnose' } },
    { type: 'action', label: 'Copy support report', enabled: hasAccounts, action: { kind: 'copy-support-report' } },
    { type: 'separator' },
    { type: 'checkbox', label: 'Launch at login', checked: state.launchAtLogin, action: { kind: 'toggle-launch-at-login' } },
    { type: 'separator' },
    { type: 'action', label: 'Quit Gridpass', enabled: true, action: { kind: 'quit' } },
  ];
}

/**
 * The image file for an icon: macOS gets black-and-alpha template images (the menu bar tints
 * them), Windows an .ico holding every scale, Linux one PNG sized for the display scale.
 */
export function trayIconFile(icon: TrayIcon, platform: string, scaleFactor: number): string {
  if (platform === 'darwin') return `tray-${icon}Template.png`;
  if (platform === 'win32') return `tray-${icon}.ico`;
  return scaleFactor >= 1.5 ? `tray-${icon}@2x.png` : `tray-${icon}.png`;
}
