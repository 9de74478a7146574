import type { SavedAccount } from '../../settings/settings-schema';
import type { SecretRef } from '../../vault/secret-ref';
import type { VaultFailure } from '../../vault/vault';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { jsonDocument } from '../json-output';
import { parseOptions } from '../parse-options';
import { formatFinding } from '../print-finding';
import { siteArgument } from '../site-argument';
import { terminalStyle, type TerminalStyle } from '../terminal-style';
import { timeoutHelp, timeoutMs } from '../timeout-option';
import { wrapText } from '../wrap-text';
import { keychainFinding } from '../../diagnosis/keychain-finding';
import { verifySavedLogins } from './verify-saved-logins';
import { loginStatus, type LoginStatus } from './login-status';

export const statusSchema = 'gridpass.status/1';

const help = `Usage:
  gridpass status [--site S] [--check] [--json] [--timeout SECONDS]

An overview of the logins saved by Gridpass (the ones the app shows): for each, the
last check and its result, whether scheduled checks are paused after a refusal,
whether its passphrase is in the keychain, the refused logins Gridpass has caused,
and the exact command that fixes it. Nothing is sent to the site unless --check is
given, which re-checks them first exactly as the app's scheduled checks do (the
kept session first, the passphrase only when it has expired; a paused login is not
re-tried).

Options:
  --site S     Only the logins of this site.
  --check      Re-check the logins first, as the app's scheduled checks do.
  --json       Print one JSON document (schema ${statusSchema}).
${timeoutHelp}
  -h, --help   Show this help.

Exit codes: 0 nothing needs you, 1 at least one login needs you (or the keychain
cannot be read), 2 usage error, 3 internal error.`;

export const statusCommand: Command = {
  name: 'status',
  help,
  async run(args, io, context) {
    const { values } = parseOptions(args, { site: { type: 'string' }, check: { type: 'boolean' }, json: { type: 'boolean' }, timeout: { type: 'string' } });
    const site = values.site === undefined ? null : siteArgument(values.site);
    const timeout = timeoutMs(values.timeout);
    if (values.check) await verifySavedLogins(io, context, { site, includePaused: false, recheckPassphrase: false, timeoutMs: timeout });
    const access = await context.keychain();
    if (access.settingsNotice !== null && !values.check) io.err(access.settingsNotice);
    const accounts = access.registry.list().filter((account) => site === null || account.site === site.origin);
    const entries = await access.vault.list();
    const statuses = accounts.map((account) => loginStatus(account, entries.ok ? hasPassphrase(entries.value, account) : null));
    const keychainProblem = entries.ok ? null : entries.failure;
    if (values.json) io.out(jsonDocument(statusJson(context, access.vault, statuses, keychainProblem)));
    else printStatus(io, context, statuses, keychainProblem, access.vault);
    return keychainProblem !== null || statuses.some((status) => status.needsYou) ? ExitCode.checkFailed : ExitCode.ok;
  },
};

function hasPassphrase(entries: readonly SecretRef[], account: SavedAccount): boolean {
  return entries.some((entry) => entry.kind === 'passphrase' && entry.host === account.host.toLowerCase() && entry.login === account.login);
}

function printStatus(io: CliIo, context: CliContext, statuses: readonly LoginStatus[], keychainProblem: VaultFailure | null, vault: { backend: string }): void {
  const style = terminalStyle(io.isTty, context.env, io.columns);
  if (keychainProblem !== null) {
    io.out(formatFinding(keychainFinding(vault, keychainProblem, cliFindingContext(context, null, null)), style).trimEnd());
    io.out('');
  }
  if (statuses.length === 0) {
    io.out('No saved logins. Save one with "gridpass login --site S --login L" or the Gridpass app.');
    return;
  }
  statuses.forEach((status, index) => {
    if (index > 0) io.out('');
    printOne(io, status, style);
  });
}

function printOne(io: CliIo, status: LoginStatus, style: TerminalStyle): void {
  const label = status.needsYou ? style.bad('NEEDS YOU') : status.health === 'ok' ? style.ok('OK') : style.warn(status.health.toUpperCase());
  io.out(`${label}  ${style.bold(status.login)} on ${status.site}`);
  const rows: Array<[string, string]> = [
    ['Last check', status.lastCheckedAt === null ? 'never' : `${status.lastCheckedAt}${status.lastFinding === null ? '' : `: ${status.lastFinding.title} (${status.lastFinding.code})`}`],
    ['Scheduled checks', status.checksPaused ? 'paused (re-trying could lock the account)' : 'running'],
    ['Keychain entry', status.keychainEntry === null ? 'could not be read' : status.keychainEntry ? 'present' : 'missing'],
    ['Refused logins', `${status.failedLogins} caused by Gridpass`],
  ];
  for (const [name, value] of rows) io.out(wrapText(`  ${name.padEnd(17)} ${value}`, style.columns, 20));
  if (status.fix !== null) io.out(wrapText(`  ${'To fix'.padEnd(17)} ${status.fix.why} Run: ${status.fix.command}`, style.columns, 20));
}

function statusJson(context: CliContext, vault: { backend: string }, statuses: readonly LoginStatus[], keychainProblem: VaultFailure | null) {
  return {
    schema: statusSchema,
    ok: keychainProblem === null && !statuses.some((status) => status.needsYou),
    keychain: keychainProblem === null ? { ok: true, finding: null }
      : { ok: false, finding: keychainFinding(vault, keychainProblem, cliFindingContext(context, null, null)) },
    logins: statuses,
  };
}
