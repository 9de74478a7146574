import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonDocument } from '../json-output';
import { timedContext } from '../live-client';
import { LiveStatus, seconds } from '../live-status';
import { loginArgument, scriptNameArgument } from '../login-argument';
import { loginOptions } from '../login-options';
import { parseOptions } from '../parse-options';
import { timeoutHelp, timeoutMs } from '../timeout-option';
import { formatFinding } from '../print-finding';
import { formatUser } from '../print-user';
import { siteArgument } from '../site-argument';
import { terminalStyle, type TerminalStyle } from '../terminal-style';
import { refuseCodeOnCommandLine } from '../two-factor-code';
import { wrapText } from '../wrap-text';
import { verifyDocument, verifySchema, type VerifyResult } from './verify-document';
import { verifySavedLogins } from './verify-saved-logins';
import { verifyScriptKeyLogin } from './verify-script-key';
import { verifyUserLogin } from './verify-user-login';

const help = `Usage:
  gridpass verify --site S --login L [--passphrase-stdin] [--2fa-stdin] [--json] [--timeout SECONDS]
  gridpass verify --site S --script NAME [--key-stdin] [--sudo-as LOGIN] [--json] [--timeout SECONDS]
  gridpass verify --saved [--site S] [--include-paused] [--recheck-passphrase] [--json] [--timeout SECONDS]

Checks that a login works against the ShotGrid API, the way pipeline tools use it,
and says who the site says the person is.

A person's login: the passphrase is asked for without echo on a terminal, or read
from the first line of standard input with --passphrase-stdin. There is no option
to give it on the command line: other users of the computer could see it. If the
site asks for a two-step verification code, a terminal is asked for one (a backup
code works too) and the login is tried once more; without a terminal, pipe the code
in with --2fa-stdin (the line after the passphrase), else the result is
GP-AUTH-2FA-REQUIRED. Codes are secrets too: never given on the command line. A refused passphrase is never retried:
ShotGrid locks an account for an hour after 10 refused logins.

A script key: read from standard input with --key-stdin (or asked for on a
terminal). --sudo-as also proves that the script may act as that person.

Saved logins (--saved): re-checks the logins saved by Gridpass exactly as the app's
scheduled checks do, recording each result: the session kept in the keychain first
(no passphrase sent); the keychain passphrase only when there is no session or it
has expired, once. --recheck-passphrase tries the passphrase itself, as the app's
Check now does. Logins whose checks are paused after a refused passphrase are
skipped (re-trying could lock the account) unless --include-paused is given; then
their passphrase is tried, since only a verified passphrase lifts the pause. Logins
with two-step verification need a fresh code and are reported as needing attention.
When no saved login matches, nothing was verified and the exit code is 1.

Options:
  --site S             The site address, e.g. mystudio.shotgrid.autodesk.com.
  --login L            The ShotGrid login (often an e-mail address).
  --passphrase-stdin   Read the passphrase from standard input.
  --2fa-stdin          Read a two-step verification or backup code from standard
                       input (after the passphrase line) and send it at once.
  --script NAME        Check the script key of this API script instead.
  --key-stdin          Read the script key from standard input.
  --sudo-as LOGIN      With --script: also check acting as this person.
  --saved              Check the saved logins (all, or those of --site).
  --include-paused     With --saved: also check logins paused after a refusal.
  --recheck-passphrase With --saved: send each passphrase even when the kept
                       session still works.
  --json               Print one JSON document (schema ${verifySchema}).
${timeoutHelp}
  -h, --help           Show this help.

Exit codes: 0 every login checked works, 1 a login failed (the finding says why),
2 usage error, 3 internal error.

Examples:
  gridpass verify --site mystudio --login jane@studio.com
  printf '%s\\n' "$PASSPHRASE" | gridpass verify --site mystudio --login jane@studio.com --passphrase-stdin
  gridpass verify --site mystudio --script publisher --key-stdin --sudo-as jane@studio.com < key.txt`;

const options = {
  ...loginOptions,
  script: { type: 'string' },
  'key-stdin': { type: 'boolean' },
  'sudo-as': { type: 'string' },
  saved: { type: 'boolean' },
  'include-paused': { type: 'boolean' },
  'recheck-passphrase': { type: 'boolean' },
} as const;

type VerifyValues = ReturnType<typeof parseOptions<typeof options>>['values'];

export const verifyCommand: Command = {
  name: 'verify',
  help,
  async run(args, io, context) {
    const { values } = parseOptions(args, options);
    refuseCodeOnCommandLine(values['2fa-code'], context.secrets);
    const style = terminalStyle(io.isTty, context.env, io.columns);
    // On a terminal each request shows a live line and the run says how long the site took to answer.
    const timed = style.live && !values.json ? timedContext(context, new LiveStatus(io, style)) : null;
    const results = await verifyByMode(io, timed?.context ?? context, values);
    if (values.json) io.out(jsonDocument(verifyDocument(results)));
    else printVerifyResults(io, results, style);
    if (timed !== null && results.some((result) => result.outcome === 'checked')) io.out(`\n  ${tookWords(results)} ${seconds(timed.waitedMs())}.`);
    // Nothing checked is not "all good": a script must not mistake a --site typo for success.
    return results.length > 0 && results.every((result) => result.ok) ? ExitCode.ok : ExitCode.checkFailed;
  },
};

function tookWords(results: readonly VerifyResult[]): string {
  if (results.length > 1) return 'The checks took';
  return results[0]?.credential === 'script-key' ? 'The script key check took' : 'The login took';
}

async function verifyByMode(io: CliIo, context: CliContext, values: VerifyValues): Promise<VerifyResult[]> {
  const timeout = timeoutMs(values.timeout);
  const modes = [values.login !== undefined, values.script !== undefined, values.saved === true].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('Say what to verify: --login L, --script NAME, or --saved (exactly one of them).');
  refuseStrayOptions(values);
  if (values.saved) {
    return verifySavedLogins(io, context, {
      site: values.site === undefined ? null : siteArgument(values.site),
      includePaused: values['include-paused'] === true,
      recheckPassphrase: values['recheck-passphrase'] === true,
      timeoutMs: timeout,
    });
  }
  if (values.script !== undefined) {
    const scriptName = scriptNameArgument(values.script, '--script');
    const sudoAsLogin = values['sudo-as'] === undefined ? undefined : loginArgument(values['sudo-as'], '--sudo-as');
    const site = siteArgument(values.site);
    return [await verifyScriptKeyLogin(io, context, {
      site, scriptName, keyFromStdin: values['key-stdin'] === true, sudoAsLogin, timeoutMs: timeout,
    })];
  }
  const login = loginArgument(values.login ?? '', '--login');
  const site = siteArgument(values.site);
  return [await verifyUserLogin(io, context, {
    site, login, passphraseFromStdin: values['passphrase-stdin'] === true, codeFromStdin: values['2fa-stdin'] === true, timeoutMs: timeout,
  })];
}

/** Options that belong to another mode are a mistake worth naming, not something to ignore silently. */
function refuseStrayOptions(values: VerifyValues): void {
  const belongs: Array<[keyof VerifyValues, boolean, string]> = [
    ['passphrase-stdin', values.login !== undefined, '--login'],
    ['2fa-stdin', values.login !== undefined, '--login'],
    ['key-stdin', values.script !== undefined, '--script'],
    ['sudo-as', values.script !== undefined, '--script'],
    ['include-paused', values.saved === true, '--saved'],
    ['recheck-passphrase', values.saved === true, '--saved'],
  ];
  for (const [option, allowed, mode] of belongs) {
    if (values[option] !== undefined && !allowed) throw new UsageError(`--${option} goes with ${mode}.`);
  }
}

export function printVerifyResults(io: CliIo, results: readonly VerifyResult[], style: TerminalStyle): void {
  results.forEach((result, index) => {
    if (index > 0) io.out('');
    if (results.length > 1) io.out(style.bold(`${result.login} on ${result.site}`));
    if (result.finding !== null) io.out(formatFinding(result.finding, style).trimEnd());
    if (result.note !== null) io.out(wrapText(`  ${result.outcome === 'paused' ? style.warn('PAUSED') : style.bad('NOT CHECKED')}  ${result.note}`, style.columns, 4));
    if (result.notSaved !== undefined) io.out(formatFinding(result.notSaved, style).trimEnd());
    if (!result.ok) return;
    if (result.credential === 'script-key') {
      io.out(`  The script key for "${result.login}" works.`);
      if (result.user !== null) io.out(`  It may act as (sudo_as_login):\n${formatUser(result.user)}`);
    } else if (result.user !== null) {
      io.out(`  The site says this login is:\n${formatUser(result.user)}`);
    }
  });
}
