import type { PracticeSite } from './practice-site';
import { practiceSiteSummary } from './practice-site-summary';
import type { PracticeAccountSummary, PracticeSiteSummary } from './practice-site-summary';

/** What `gridpass practice-site` prints on start: where the site is and who can log in to it. */
export function formatPracticeSiteBanner(site: PracticeSite): string {
  const summary = practiceSiteSummary(site);
  return [
    'Gridpass practice site (simulated ShotGrid; practice passphrases and keys below open nothing else)',
    '',
    `  Address       ${summary.url}`,
    `  Login method  ${summary.method} (${summary.methodDescription})`,
    `  TLS           ${summary.tls ? 'on, self-signed practice certificate (clients must be told to trust it)' : 'off (plain http on loopback)'}`,
    '',
    'People',
    ...table(['LOGIN', 'STATE', 'PASSPHRASE', 'NOTES'], summary.accounts.map(accountRow)),
    '',
    'Scripts',
    ...table(['SCRIPT NAME', 'SCRIPT KEY', 'SUDO', 'NOTES'], summary.scripts.map((script) => [
      script.name, script.key, script.canSudo ? 'yes' : 'no', script.notes,
    ])),
    '',
    ...controls(summary),
  ].join('\n') + '\n';
}

function accountRow(account: PracticeAccountSummary): string[] {
  const notes = [account.notes];
  if (account.twoFactorCodes !== null) notes.push(`2FA codes: ${account.twoFactorCodes.join(' ')}`);
  if (account.backupCodes !== null) notes.push(`backup codes: ${account.backupCodes.join(' ')}`);
  if (account.lockedUntil !== null) notes.push(`locked_until ${account.lockedUntil}`);
  return [account.login, account.state, account.passphrase ?? '(none)', notes.join(' ')];
}

function controls(summary: PracticeSiteSummary): string[] {
  return [
    'Practice controls (loopback only)',
    `  POST ${summary.controls.faults}  e.g. {"maintenance":true}, {"latencyMs":3000}, {} to clear`,
    '       switches: latencyMs maintenance html redirectTo truncate reset forbiddenHtml badGateway gatewayTimeout',
    `  GET  ${summary.controls.accounts}  the table above, with live lockout state`,
    `  POST ${summary.controls.sessions}  {"login":"..."} opens a browser session and returns its token`,
    `  GET  ${summary.controls.appSessionRequests}  pending App Session Launcher requests;`,
    `  POST ${summary.controls.appSessionRequests}/<id>  {"decision":"approve","login":"..."} or {"decision":"deny"}`,
    `  GET  ${summary.controls.log}  every request the site was sent (who, which call, the answer; never a secret);`,
    `       DELETE empties it`,
  ];
}

/** Left-aligned columns; the last column is never padded so long notes just run on. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    '  ' + cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return [line(headers), ...rows.map(line)];
}
