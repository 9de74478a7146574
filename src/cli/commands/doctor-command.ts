import type { CheckDependencies, DiagnoseTarget, KeychainSelfTestResult } from '../../diagnosis/check-dependencies';
import { renderReportJson, renderReportMarkdown, type SupportReport } from '../../diagnosis/support-report';
import type { SiteAddress } from '../../site/site-address';
import { diagnose } from '../../use-cases/diagnose';
import { keychainBackendName } from '../../vault/keychain-failure';
import { checkProgressPrinter } from '../check-progress';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { Cancelled, ExitCode, UsageError } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { keychainLoadFailure, keychainSelfTestResult } from '../../diagnosis/keychain-self-test-result';
import { loginArgument } from '../login-argument';
import { loginOptions } from '../login-options';
import { parseOptions } from '../parse-options';
import { timeoutHelp, timeoutMs } from '../timeout-option';
import { formatVerdict } from '../print-checks';
import { formatFinding, formatFindingDetails } from '../print-finding';
import { readSecret } from '../read-secret';
import { siteArgument } from '../site-argument';
import { launcherReady, signInFromTerminal } from '../browser-sign-in-flow';
import type { Finding } from '../../diagnosis/finding';
import { findingForSignInFailure } from '../../diagnosis/finding-for-sign-in';
import { refusalKnownBeforeSending } from '../../diagnosis/finding-for-failure';
import type { SignedInPerson } from '../../shotgrid/signed-in-person';
import { terminalStyle, type TerminalStyle } from '../terminal-style';
import { wrapText } from '../wrap-text';
import { reportFileProblem, writeFailureWords, writeReportFile } from '../write-report-file';
import { savedLoginFailures, recordLoginAttempt } from '../login-failures';
import { readTwoFactorCode, refuseCodeOnCommandLine } from '../two-factor-code';

const help = `Usage: gridpass doctor [--site S] [--login L] [--passphrase-stdin] [--2fa-stdin]
                       [--browser-sign-in] [--json] [--report FILE] [--timeout SECONDS]

Runs Gridpass's named checks from this computer outwards and says, in plain
words, what is wrong and what to do: environment, keychain, proxy, DNS,
connection, TLS, site, login method, login, account state and clock.

Without --site only this computer is checked. With --login the login is tried
exactly once: the passphrase is asked for on a terminal (press Enter to skip the
login check) or read from standard input with --passphrase-stdin.

With --browser-sign-in you first confirm in a browser who you are (as gridpass
whoami does: a link to approve, a countdown, Ctrl-C cancels). A refused login is
then narrowed to the one cause that remains, and a login that would surely be
refused (not your login, or your account is inactive or locked) is reported
without sending the passphrase at all. Without --login, your own legacy login is
checked. The report names who signed in; never the session.

Options:
  --site S             The site address, e.g. mystudio.shotgrid.autodesk.com.
  --login L            The ShotGrid login to check (needs --site).
  --passphrase-stdin   Read the passphrase from the first line of standard input.
  --2fa-stdin          Read a two-step verification (or backup) code from standard
                       input, on the line after the passphrase; used once.
  --browser-sign-in    Confirm who you are in the browser first (needs --site and a
                       site with the App Session Launcher); no password is needed.
  --json               Print the support report as one JSON document (schema
                       gridpass.report/1); nothing else goes to standard output.
  --report FILE        Also write the report to FILE, readable by you only:
                       Markdown, or JSON when FILE ends in .json.
${timeoutHelp}
  -h, --help           Show this help.

Exit codes: 0 no check failed (warnings allowed), 1 a check failed,
2 usage error, 3 internal error.

Examples:
  gridpass doctor --site mystudio.shotgrid.autodesk.com
  gridpass doctor --site mystudio --login jane@studio.com --report report.md
  gridpass doctor --site mystudio --browser-sign-in
  pass show shotgrid | gridpass doctor --site mystudio --login jane@studio.com --passphrase-stdin --json`;

export const doctorCommand: Command = {
  name: 'doctor',
  help,
  async run(args, io, context) {
    const { values } = parseOptions(args, { ...loginOptions, report: { type: 'string' }, 'browser-sign-in': { type: 'boolean' } });
    if (values.login !== undefined && values.site === undefined) throw new UsageError('--login needs --site: say which site the login is for.');
    if (values['browser-sign-in'] === true && values.site === undefined) throw new UsageError('--browser-sign-in needs --site: say which site to sign in to.');
    const loginKnown = values.login !== undefined || values['browser-sign-in'] === true;
    if (values['passphrase-stdin'] && !loginKnown) throw new UsageError('--passphrase-stdin needs --login: say whose passphrase it is.');
    refuseCodeOnCommandLine(values['2fa-code'], context.secrets);
    if (values['2fa-stdin'] === true && !loginKnown) throw new UsageError('--2fa-stdin needs --login and a passphrase.');
    if (values.report !== undefined && values.report.trim() === '') throw new UsageError('--report needs a file name.');
    const stepTimeout = timeoutMs(values.timeout);
    const site = values.site === undefined ? null : siteArgument(values.site);
    const typedLogin = values.login === undefined ? undefined : loginArgument(values.login, '--login');
    if (values.report !== undefined) await refuseUnwritableReport(values.report);
    const style = terminalStyle(io.isTty, context.env, io.columns);

    const target: DiagnoseTarget = { site };
    const signIn = site !== null && values['browser-sign-in'] === true
      ? await confirmPerson(context, io, { site, timeout: stepTimeout, style, json: values.json === true })
      : null;
    const login = typedLogin ?? (signIn?.ok === true ? signIn.person.login : undefined);
    if (signIn?.ok === true) target.signedIn = signIn.person;
    const withheld = site === null || signIn === null ? null : passphraseWithheld(context, site, signIn, login);
    if (site !== null && login !== undefined) {
      target.login = login;
      if (withheld !== null) {
        target.passphraseWithheld = `not sent: ${withheld}`;
        io.err(wrapText(`The passphrase is not asked for and not sent: ${withheld}.`, style.columns));
      }
      const passphrase = withheld === null
        ? await doctorPassphrase(io, context, values['passphrase-stdin'] === true, values.json === true)
        : undefined;
      if (passphrase !== undefined) target.passphrase = passphrase;
      if (values['2fa-stdin'] === true && passphrase !== undefined) {
        target.twoFactorCode = await readTwoFactorCode(io, context.secrets, values['passphrase-stdin'] === true);
      }
      target.failedLogins = await savedLoginFailures(context, site, login);
    }
    if (!values.json) io.out(heading(context, site, login, style));

    const tried = target.login;
    const { results, report, recorded } = await diagnose({
      target,
      deps: checkDependencies(context, stepTimeout),
      findingContext: (loginMethod) => cliFindingContext(context, site, loginMethod, {
        login: tried ?? null, ...(target.signedIn === undefined ? {} : { signedIn: target.signedIn }),
      }),
      inputFinding: signIn?.ok === false ? signIn.finding : null,
      secrets: context.secrets.all(),
      now: () => context.now(),
      ...(values.json ? {} : { onProgress: checkProgressPrinter(io, style) }),
      recordLoginAttempt: async (attempt) => (site !== null && tried !== undefined ? recordLoginAttempt(context, site, tried, attempt) : null),
    });
    const notSaved = recorded ?? null;

    if (values.json) io.out(renderReportJson(report, context.secrets.all()));
    else printOutcome(io, report, style);
    if (values.report !== undefined) await saveReport(io, context, report, values.report);
    if (notSaved !== null) io.err(formatFinding(notSaved, style).trimEnd());
    return notSaved !== null || !report.verdict.ok || results.some((result) => result.status === 'fail') ? ExitCode.checkFailed : ExitCode.ok;
  },
};

type ConfirmedPerson = { ok: true; person: SignedInPerson } | { ok: false; finding: Finding };

/**
 * `gridpass whoami`'s sign-in, before anything else: Ctrl-C cancels the whole run. A sign-in that does not
 * end in a person (launcher off, denied, expired) becomes the run's verdict; the checks still run, without
 * the passphrase.
 */
async function confirmPerson(
  context: CliContext, io: CliIo, options: { site: SiteAddress; timeout: number; style: TerminalStyle; json: boolean },
): Promise<ConfirmedPerson> {
  const notReady = await launcherReady(context, options.site, options.timeout);
  if (notReady !== null) return { ok: false, finding: notReady };
  const result = await signInFromTerminal(context, io, options);
  if (!result.ok && result.failure.kind === 'launcher-cancelled') throw new Cancelled('Cancelled: nothing was approved and nothing was checked.');
  if (!result.ok) return { ok: false, finding: findingForSignInFailure(result.failure, cliFindingContext(context, options.site, 'oxygen')) };
  const person = result.person;
  const say = (text: string) => (options.json ? io.err(text) : io.out(text));
  say(wrapText(`You are ${person.name ?? person.login}, legacy login "${person.login}".`, options.style.columns));
  return { ok: true, person };
}

/** Why the passphrase is not even asked for: no one confirmed, or the site would surely refuse it. */
function passphraseWithheld(context: CliContext, site: SiteAddress, signIn: ConfirmedPerson, login: string | undefined): string | null {
  if (!signIn.ok) return `the browser sign-in did not confirm who you are (${signIn.finding.code})`;
  const person = signIn.person;
  const known = refusalKnownBeforeSending(cliFindingContext(context, site, null, { login: login ?? null, signedIn: person, now: context.now() }));
  if (known === null) return null;
  return known.code === 'GP-AUTH-WRONG-LOGIN'
    ? `"${login ?? ''}" is not the signed-in person's login ("${person.login}")`
    : known.title.charAt(0).toLowerCase() + known.title.slice(1);
}

/** On a terminal the passphrase is asked for (Enter skips the login check); without one it must be piped in. */
async function doctorPassphrase(io: CliIo, context: CliContext, fromStdin: boolean, json: boolean): Promise<string | undefined> {
  if (!io.stdinIsTty) {
    if (fromStdin) return readSecret(io, context.secrets, { what: 'passphrase', stdinOption: '--passphrase-stdin', source: 'stdin' });
    if (!json) io.err('No passphrase given (no terminal to ask on, and no --passphrase-stdin): the login check is skipped.');
    return undefined;
  }
  // On a terminal --passphrase-stdin asks too: reading the terminal as a stream would show what is typed.
  const typed = await io.promptSecret('Passphrase (not shown; press Enter to skip the login check): ');
  if (typed === null) throw new Cancelled('Cancelled: nothing was checked.');
  if (typed === '') return undefined;
  context.secrets.add(typed);
  return typed;
}

function checkDependencies(context: CliContext, stepTimeout: number): CheckDependencies {
  return {
    client: context.client(),
    environment: context.environment(),
    keychainSelfTest: () => keychainSelfTest(context),
    ...context.probes(),
    now: () => context.now(),
    timeoutMs: stepTimeout,
    offersBrowserSignIn: true,
  };
}

async function keychainSelfTest(context: CliContext): Promise<KeychainSelfTestResult> {
  let vault;
  try {
    vault = (await context.keychain()).vault;
  } catch (error) {
    return keychainLoadFailure(keychainBackendName(context.platform), error);
  }
  return keychainSelfTestResult(await vault.selfTest());
}

function heading(context: CliContext, site: SiteAddress | null, login: string | undefined, style: TerminalStyle): string {
  const what = site === null ? 'this computer only (no --site given)' : `${site.origin}${login === undefined ? '' : `, login ${login}`}`;
  return wrapText(style.bold(`Gridpass ${context.version} doctor: ${what}`), style.columns, 2);
}

/**
 * The verdict, then what to do for every problem and warning found; the checks are already on screen.
 * The verdict line is the headline of its own finding, so that finding's title is not printed again.
 */
function printOutcome(io: CliIo, report: SupportReport, style: TerminalStyle): void {
  const verdictFinding = report.findings.find((finding) => finding.code === report.verdict.code) ?? null;
  io.out(`\n${formatVerdict({ ok: report.verdict.ok, headline: report.verdict.headline, finding: verdictFinding }, style)}`);
  const actionable = report.findings.filter((finding) => finding.severity !== 'info');
  for (const finding of actionable) {
    io.out(finding === verdictFinding ? formatFindingDetails(finding, style) : `\n${formatFinding(finding, style)}`);
  }
}

/** A report that cannot be written is found before the checks run, so a typo does not cost a login attempt. */
async function refuseUnwritableReport(file: string): Promise<void> {
  const problem = await reportFileProblem(file);
  if (problem !== null) throw new UsageError(`Cannot write the report to ${file}: ${problem}. Nothing was checked.`);
}

async function saveReport(io: CliIo, context: CliContext, report: SupportReport, file: string): Promise<void> {
  const text = file.toLowerCase().endsWith('.json') ? renderReportJson(report, context.secrets.all()) : renderReportMarkdown(report, context.secrets.all());
  try {
    await writeReportFile(file, text);
  } catch (error) {
    throw new UsageError(`Could not write the report to ${file}: ${writeFailureWords(error)}. The checks above still stand.`);
  }
  io.err(`Report written to ${file} (readable by you only).`);
}
