import { accountIdFor } from '../../accounts/account-id';
import type { CleanOrphansReport, ForgetReport } from '../../accounts/account-failure';
import type { SavedAccount } from '../../settings/settings-schema';
import type { SecretRef } from '../../vault/secret-ref';
import type { VaultFailure } from '../../vault/vault';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { confirm } from '../confirm';
import { ExitCode, UsageError, type ExitCode as ExitCodeValue } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { jsonDocument } from '../json-output';
import type { KeychainAccess } from '../keychain-access';
import { loginArgument } from '../login-argument';
import { parseOptions } from '../parse-options';
import { formatFinding } from '../print-finding';
import { siteArgument } from '../site-argument';
import { siteHostKey } from '../site-host';
import { terminalStyle } from '../terminal-style';
import { keychainFinding } from '../../diagnosis/keychain-finding';

const accountsSchema = 'gridpass.accounts/1';

const help = `Usage:
  gridpass accounts [--json]
  gridpass accounts forget (--site S [--login L] | --all) [--yes] [--json]
  gridpass accounts orphans [--clean] [--yes] [--json]

Lists the logins saved by Gridpass (the same ones the app shows) with the result
of their last check. No secret is ever printed: passphrases stay in the keychain.

forget   Removes saved logins: their details from the settings file and their
         passphrase, token and session from the keychain, together. --site S forgets every
         login of a site, --login L only that one, --all everything (end of a
         booking). Asks for confirmation on a terminal; --yes confirms from a script.
orphans  Lists keychain entries Gridpass wrote that no saved login uses any more
         (for example after a crash); --clean removes them after confirmation.

Options:
  --site S     The site address.
  --login L    With --site: just this login.
  --all        Every saved login and keychain entry.
  --clean      With orphans: remove the entries listed.
  --yes        Confirm without asking (for scripts).
  --json       Print one JSON document (schema ${accountsSchema}).
  -h, --help   Show this help.

Exit codes: 0 done, 1 something could not be removed or read (the message says
what is left), 2 usage error (also: no terminal and no --yes), 3 internal error.`;

export const accountsCommand: Command = {
  name: 'accounts',
  help,
  async run(args, io, context) {
    const [sub, ...rest] = args;
    if (sub === 'forget') return forget(rest, io, context);
    if (sub === 'orphans') return orphans(rest, io, context);
    if (sub !== undefined && !sub.startsWith('-')) throw new UsageError(`Unknown accounts command "${sub}": use forget or orphans.`);
    return list(args, io, context);
  },
};

async function open(io: CliIo, context: CliContext): Promise<KeychainAccess> {
  const access = await context.keychain();
  if (access.settingsNotice !== null) io.err(access.settingsNotice);
  return access;
}

async function list(args: string[], io: CliIo, context: CliContext): Promise<ExitCodeValue> {
  const { values } = parseOptions(args, { json: { type: 'boolean' } });
  const accounts = (await open(io, context)).registry.list();
  if (values.json) {
    io.out(jsonDocument({ schema: accountsSchema, accounts }));
    return ExitCode.ok;
  }
  if (accounts.length === 0) {
    io.out('No saved logins. The Gridpass app, or "gridpass login --site S --login L", saves a login once it is verified.');
    return ExitCode.ok;
  }
  io.out(table(['SITE', 'LOGIN', 'LAST STATUS', 'LAST CHECKED', 'REFUSED'], accounts.map(accountRow)));
  return ExitCode.ok;
}

function accountRow(account: SavedAccount): string[] {
  const status = account.checksPaused ? `${account.lastHealth}, checks paused` : account.lastHealth;
  const finding = account.lastFindingCode === null ? '' : ` (${account.lastFindingCode})`;
  return [account.site, account.login, `${status}${finding}`, account.lastCheckedAt ?? 'never', String(account.failedLogins)];
}

async function forget(args: string[], io: CliIo, context: CliContext): Promise<ExitCodeValue> {
  const { values } = parseOptions(args, {
    site: { type: 'string' }, login: { type: 'string' }, all: { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' },
  });
  if (values.all === true && (values.site !== undefined || values.login !== undefined)) throw new UsageError('Use either --all or --site (with an optional --login), not both.');
  if (values.all !== true && values.site === undefined) throw new UsageError('Say what to forget: --site S (optionally with --login L), or --all.');
  const login = values.login === undefined ? undefined : loginArgument(values.login, '--login');
  const site = values.site === undefined ? null : siteArgument(values.site);
  const what = site === null ? 'every saved login and every Gridpass keychain entry on this computer'
    : login === undefined ? `every saved login for ${site.origin}` : `the login ${login} on ${site.origin}`;
  if (!(await confirm(io, `Forget ${what}? This removes the saved passphrases from the keychain.`, values.yes === true))) {
    io.err('Nothing was forgotten.');
    return ExitCode.ok;
  }
  const { registry } = await open(io, context);
  const report = site === null ? await registry.forgetAll()
    : login === undefined ? await registry.forgetSite(siteHostKey(site))
      : await registry.forget(accountIdFor(siteHostKey(site), login));
  if (values.json) io.out(jsonDocument({ schema: accountsSchema, forgotten: forgetJson(report) }));
  else printForget(io, report);
  return report.complete ? ExitCode.ok : ExitCode.checkFailed;
}

function printForget(io: CliIo, report: ForgetReport): void {
  io.out(`Forgot ${plural(report.accountsRemoved, 'saved login')} and ${plural(report.secretsRemoved, 'keychain entry', 'keychain entries')}.`);
  if (report.complete && report.accountsRemoved === 0 && report.secretsRemoved === 0) {
    io.out('Nothing matched: Gridpass had nothing saved for that. "gridpass accounts" lists the saved logins.');
  }
  if (report.settingsFailure !== null) io.out(`Not done: ${report.settingsFailure.message}`);
  for (const { ref, failure } of report.secretFailures) io.out(`Not removed from the keychain: ${describeRef(ref)}: ${failure.message} ${failure.fix}`);
  if (report.accountsRemoved > 0 || report.secretsRemoved > 0) {
    io.out('If you created a Personal Access Token for these logins, revoke it on your Autodesk profile (profile.autodesk.com > Security > Personal Access Tokens).');
  }
}

function forgetJson(report: ForgetReport) {
  return {
    accountsRemoved: report.accountsRemoved,
    secretsRemoved: report.secretsRemoved,
    complete: report.complete,
    settingsFailure: report.settingsFailure,
    secretFailures: report.secretFailures.map(({ ref, failure }) => ({ entry: ref, message: failure.message, fix: failure.fix })),
  };
}

async function orphans(args: string[], io: CliIo, context: CliContext): Promise<ExitCodeValue> {
  const { values } = parseOptions(args, { clean: { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' } });
  if (values.yes === true && values.clean !== true) throw new UsageError('--yes goes with --clean.');
  const { registry, vault } = await open(io, context);
  const found = await registry.orphans();
  if (!found.ok) {
    const failure = found.failure.kind === 'vault' ? found.failure.failure : null;
    if (failure === null) throw new Error(`the saved accounts could not be read (${found.failure.kind})`);
    return keychainProblem(io, context, vault, failure, values.json === true);
  }
  const entries = found.value;
  const heldBack = registry.orphansHeldBack();
  let cleaned: CleanOrphansReport | null = null;
  if (!values.json) printOrphans(io, entries, heldBack);
  if (values.clean === true && entries.length > 0) {
    if (await confirm(io, `Remove ${plural(entries.length, 'orphaned keychain entry', 'orphaned keychain entries')}?`, values.yes === true)) {
      cleaned = await registry.cleanOrphans();
      if (!values.json) printCleaned(io, cleaned);
    } else if (!values.json) {
      io.err('Nothing was removed.');
    }
  }
  if (values.json) {
    io.out(jsonDocument({
      schema: accountsSchema,
      orphans: entries,
      heldBack,
      cleaned: cleaned === null ? null : { removed: cleaned.removed, failures: cleaned.failures.map(({ ref, failure }) => ({ entry: ref, message: failure.message })) },
    }));
  }
  return cleaned === null || cleaned.failures.length === 0 ? ExitCode.ok : ExitCode.checkFailed;
}

function printOrphans(io: CliIo, entries: readonly SecretRef[], heldBack: string | null): void {
  if (entries.length > 0) io.out(table(['KIND', 'SITE', 'LOGIN'], entries.map((entry) => [entry.kind, entry.host, entry.login])));
  else if (heldBack === null) io.out('No orphaned keychain entries: every Gridpass entry belongs to a saved login.');
  else io.out('No orphaned keychain entries to remove.');
  if (heldBack !== null) io.out(heldBack);
}

function printCleaned(io: CliIo, report: CleanOrphansReport): void {
  io.out(`Removed ${plural(report.removed, 'keychain entry', 'keychain entries')}.`);
  for (const { ref, failure } of report.failures) io.out(`Not removed: ${describeRef(ref)}: ${failure.message} ${failure.fix}`);
}

function keychainProblem(io: CliIo, context: CliContext, vault: KeychainAccess['vault'], failure: VaultFailure, json: boolean): ExitCodeValue {
  const finding = keychainFinding(vault, failure, cliFindingContext(context, null, null));
  if (json) io.out(jsonDocument({ schema: accountsSchema, orphans: null, finding }));
  else io.out(formatFinding(finding, terminalStyle(io.isTty, context.env, io.columns)));
  return ExitCode.checkFailed;
}

function describeRef(ref: SecretRef | null): string {
  return ref === null ? 'the keychain could not be listed' : `${ref.kind} for ${ref.login} on ${ref.host}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
}
