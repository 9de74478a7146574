import type { AccountFailure } from '../../accounts/account-failure';
import { findingFor } from '../../diagnosis/finding-catalogue';
import type { Finding } from '../../diagnosis/finding';
import type { SavedAccount } from '../../settings/settings-schema';
import type { SiteAddress } from '../../site/site-address';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { Cancelled, ExitCode, UsageError } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { jsonDocument } from '../json-output';
import type { KeychainAccess } from '../keychain-access';
import { loginArgument } from '../login-argument';
import { loginOptions } from '../login-options';
import { parseOptions } from '../parse-options';
import { formatFinding } from '../print-finding';
import { siteArgument } from '../site-argument';
import { terminalStyle } from '../terminal-style';
import { timeoutHelp, timeoutMs } from '../timeout-option';
import { refuseCodeOnCommandLine } from '../two-factor-code';
import { wrapText } from '../wrap-text';
import { printVerifyResults } from './verify-command';
import type { VerifyResult } from './verify-document';
import { keychainFinding } from '../../diagnosis/keychain-finding';
import { checkUserLogin } from './verify-user-login';
import { keepSessionAfterSave } from '../../use-cases/keep-session';

export const loginSchema = 'gridpass.login/1';

const help = `Usage:
  gridpass login --site S [--login L] [--passphrase-stdin] [--2fa-stdin] [--json] [--timeout SECONDS]

Saves a login from the terminal, as the Gridpass app's Save step does: the login is
tried once against the site, and only when the site accepts it is the passphrase
written to the keychain and the login added to the saved logins (the app shows it
and checks it on its schedule). Saving a login that is already saved replaces its
passphrase, and a verified login clears the refusal count and resumes paused checks.
A refused passphrase is never saved and never retried.

The keychain is checked first: when it cannot be used, nothing is sent to the site.
The passphrase is asked for without echo, or read from the first line of standard
input with --passphrase-stdin; a two-step code is asked for when the site wants one,
or read with --2fa-stdin from the next line. Secrets are never taken as arguments.
A personal access token the app keeps for the login stays as it is.

Options:
  --site S             The site address, e.g. mystudio.shotgrid.autodesk.com.
  --login L            The ShotGrid login; asked for on a terminal when left out.
  --passphrase-stdin   Read the passphrase from standard input.
  --2fa-stdin          Read a two-step verification or backup code from standard
                       input (the line after the passphrase) and send it at once.
  --json               Print one JSON document (schema ${loginSchema}).
${timeoutHelp}
  -h, --help           Show this help.

Exit codes: 0 verified and saved, 1 refused or not saved (the finding says why),
2 usage error, 3 internal error.

Example:
  gridpass login --site mystudio --login jdoe
  gridpass status`;


/** What `gridpass login` did: checked and saved, checked and not saved, or not checked at all. */
type LoginOutcome =
  | { saved: true; result: VerifyResult; account: SavedAccount }
  | { saved: false; result: VerifyResult | null; finding: Finding };

export const loginCommand: Command = {
  name: 'login',
  help,
  async run(args, io, context) {
    const { values } = parseOptions(args, loginOptions);
    refuseCodeOnCommandLine(values['2fa-code'], context.secrets);
    const site = siteArgument(values.site);
    const login = loginArgument(values.login ?? (await askLogin(io)), '--login');
    const timeout = timeoutMs(values.timeout);
    const outcome = await verifyThenSave(io, context, site, login, {
      passphraseFromStdin: values['passphrase-stdin'] === true, codeFromStdin: values['2fa-stdin'] === true, timeoutMs: timeout,
    });
    if (values.json) io.out(jsonDocument(loginJson(outcome)));
    else printOutcome(io, context, outcome);
    return outcome.saved ? ExitCode.ok : ExitCode.checkFailed;
  },
};

async function askLogin(io: CliIo): Promise<string> {
  if (!io.stdinIsTty) throw new UsageError('Say which login to save: --login L (there is no terminal to ask on).');
  const typed = await io.prompt('ShotGrid login (for Identity sites: the legacy login, which may differ from your email): ');
  if (typed === null) throw new Cancelled('Cancelled: nothing was saved.');
  return typed;
}

async function verifyThenSave(
  io: CliIo,
  context: CliContext,
  site: SiteAddress,
  login: string,
  request: { passphraseFromStdin: boolean; codeFromStdin: boolean; timeoutMs: number },
): Promise<LoginOutcome> {
  const access = await context.keychain();
  if (access.settingsNotice !== null) io.err(access.settingsNotice);
  // A login verified but then not saved would cost a request for nothing: try the keychain first.
  const keychain = await access.vault.selfTest();
  if (!keychain.ok && keychain.failure !== null) {
    return { saved: false, result: null, finding: keychainFinding(access.vault, keychain.failure, cliFindingContext(context, site, null, { login })) };
  }
  const checked = await checkUserLogin(io, context, { site, login, ...request, openSession: true });
  if (checked.accepted === null) return { saved: false, result: checked.result, finding: failureOf(checked.result) };
  const { passphrase, user, loginMethod, info, sessionToken } = checked.accepted;
  const saved = await access.registry.saveVerifiedLogin({ site: site.origin, login, displayName: user.name, loginMethod, passphrase });
  if (!saved.ok) return { saved: false, result: checked.result, finding: saveFailureFinding(access, saved.failure, context, site, login) };
  // As the app's Save step does: the login's session goes into the keychain too, for pipeline tools.
  const deps = { client: context.client(), registry: access.registry, now: () => context.now(), timeoutMs: request.timeoutMs };
  await keepSessionAfterSave(deps, saved.value.account.id, { site, info, login, passphrase, sessionToken });
  // The verified login already cleared the count and the pause (the refusal policy, as in the wizard).
  return { saved: true, result: checked.result, account: access.registry.get(saved.value.account.id) ?? saved.value.account };
}

function failureOf(result: VerifyResult): Finding {
  if (result.finding === null) throw new Error('a failed login check carried no finding');
  return result.finding;
}

function saveFailureFinding(access: KeychainAccess, failure: AccountFailure, context: CliContext, site: SiteAddress, login: string): Finding {
  const findingContext = cliFindingContext(context, site, null, { login });
  if (failure.kind === 'vault') return keychainFinding(access.vault, failure.failure, findingContext);
  if (failure.kind === 'settings') return findingFor('GP-SETTINGS-UNWRITABLE', findingContext, { detail: failure.failure.message });
  throw new Error(`saving the verified login failed (${failure.kind})`);
}

function printOutcome(io: CliIo, context: CliContext, outcome: LoginOutcome): void {
  const style = terminalStyle(io.isTty, context.env, io.columns);
  if (outcome.result !== null) printVerifyResults(io, [outcome.result], style);
  if (!outcome.saved) {
    if (outcome.result === null || outcome.result.ok) io.out(formatFinding(outcome.finding, style).trimEnd());
    io.out(wrapText('  Nothing was saved.', style.columns, 2));
    return;
  }
  const { account } = outcome;
  io.out('');
  io.out(wrapText(
    `  ${style.ok('SAVED')}  ${account.login} on ${account.site}: the passphrase is in the keychain and the Gridpass app ` +
      'shows this login and checks it on its schedule. "gridpass status" lists every saved login.',
    style.columns, 4,
  ));
}

function loginJson(outcome: LoginOutcome) {
  return outcome.saved
    ? { schema: loginSchema, ok: true, saved: true, result: outcome.result, account: outcome.account, finding: outcome.result.finding }
    : { schema: loginSchema, ok: false, saved: false, result: outcome.result, account: null, finding: outcome.finding };
}
