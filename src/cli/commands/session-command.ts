import type { SavedAccount } from '../../settings/settings-schema';
import { freshSession } from '../../use-cases/fresh-session';
import { sessionProblemFinding } from '../../use-cases/session-finding';
import { findingFor } from '../../diagnosis/finding-catalogue';
import type { Finding } from '../../diagnosis/finding';
import type { SiteAddress } from '../../site/site-address';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { jsonDocument } from '../json-output';
import { loginArgument } from '../login-argument';
import { parseOptions } from '../parse-options';
import { formatFinding } from '../print-finding';
import { siteArgument } from '../site-argument';
import { siteHostKey } from '../site-host';
import { terminalStyle } from '../terminal-style';
import { timeoutHelp, timeoutMs } from '../timeout-option';

export const sessionSchema = 'gridpass.session/1';

const help = `Usage:
  gridpass session --site S [--login L] [--json] [--timeout SECONDS]

Prints a working ShotGrid session token for a login saved in Gridpass, for pipeline
tools (like "gh auth token"): shotgun_api3.Shotgun(site, session_token=...).

The session Gridpass keeps in the keychain is checked first. When the site says it
has expired, Gridpass renews it once with the saved passphrase, under the same rules
as the app: never for a login paused after a refused passphrase (ShotGrid locks an
account for an hour after 10 refusals). When no working session can be had, nothing
is printed on standard output, the finding goes to standard error and the exit code
is 1. A passphrase is never printed, and never taken from the command line.

Options:
  --site S             The site address, as saved in Gridpass.
  --login L            Which saved login, when the site has more than one.
  --json               Print one JSON document (schema ${sessionSchema}): site, login,
                       token and lastConfirmed, or the finding.
${timeoutHelp}
  -h, --help           Show this help.

Exit codes: 0 a working token was printed, 1 no working session (paused, no saved
login, keychain locked, site down: the finding says which), 2 usage error, 3 internal
error.

Examples:
  export SHOTGRID_SESSION=$(gridpass session --site mystudio)
  gridpass session --site mystudio --login jane@studio.com --json`;

const options = {
  site: { type: 'string' },
  login: { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

export const sessionCommand: Command = {
  name: 'session',
  help,
  async run(args, io, context) {
    const { values } = parseOptions(args, options);
    const site = siteArgument(values.site);
    const login = values.login === undefined ? undefined : loginArgument(values.login, '--login');
    const timeout = timeoutMs(values.timeout);
    const access = await context.keychain({ readsSecrets: true });
    if (access.settingsNotice !== null) io.err(access.settingsNotice);
    const account = savedAccountFor(access.registry.list(), site, login);
    if (account === null) {
      return printFailure(io, context, site, login ?? null, findingFor('GP-SESSION-NO-LOGIN', cliFindingContext(context, site, null, { login: login ?? null })), values.json === true);
    }
    const result = await freshSession({
      client: context.client(), registry: access.registry, now: () => context.now(), timeoutMs: timeout, reason: 'manual',
      findingContext: (saved) => cliFindingContext(context, site, saved.loginMethod, { login: saved.login }),
      // Only the passphrase is kept out of the output: the token is what this command prints.
      onPassphrase: (passphrase: string) => context.secrets.add(passphrase),
    }, account);
    if (result.ok) {
      if (values.json) {
        io.out(jsonDocument({
          schema: sessionSchema, ok: true, site: account.site, login: account.login, token: result.sessionToken,
          lastConfirmed: result.account.sessionConfirmedAt, renewed: result.renewed,
        }));
      } else {
        io.out(result.sessionToken);
      }
      return ExitCode.ok;
    }
    // The account is as freshSession left it: a refused renewal is already counted.
    const failedLogins = result.tried?.recorded.failedLogins ?? result.account.failedLogins;
    const finding = sessionProblemFinding(result.problem, cliFindingContext(context, site, account.loginMethod, { login: account.login, failedLogins }));
    return printFailure(io, context, site, account.login, finding, values.json === true);
  },
};

/** The saved login the tool means: the one named, or the site's only one. */
function savedAccountFor(accounts: readonly SavedAccount[], site: SiteAddress, login: string | undefined): SavedAccount | null {
  const onSite = accounts.filter((account) => account.host === siteHostKey(site));
  if (login !== undefined) return onSite.find((account) => account.login.toLowerCase() === login.toLowerCase()) ?? null;
  if (onSite.length > 1) {
    throw new UsageError(`Gridpass has ${onSite.length} logins saved for ${site.origin} (${onSite.map((account) => account.login).join(', ')}): say which with --login.`);
  }
  return onSite[0] ?? null;
}

function printFailure(io: CliIo, context: CliContext, site: SiteAddress, login: string | null, finding: Finding, json: boolean): ExitCode {
  if (json) io.out(jsonDocument({ schema: sessionSchema, ok: false, site: site.origin, login, finding }));
  else io.err(formatFinding(finding, terminalStyle(io.isTty, context.env, io.columns)).trimEnd());
  return ExitCode.checkFailed;
}
