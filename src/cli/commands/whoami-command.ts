import type { Finding } from '../../diagnosis/finding';
import { findingForSignedIn, findingForSignInFailure } from '../../diagnosis/finding-for-sign-in';
import type { SignedInPerson } from '../../shotgrid/signed-in-person';
import type { SiteAddress } from '../../site/site-address';
import { describeLockEnd } from '../../text/lock-time';
import { launcherReady, signInFromTerminal } from '../browser-sign-in-flow';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { jsonDocument } from '../json-output';
import { parseOptions } from '../parse-options';
import { formatFinding } from '../print-finding';
import { siteArgument } from '../site-argument';
import { terminalStyle, type TerminalStyle } from '../terminal-style';
import { timeoutHelp, timeoutMs } from '../timeout-option';
import { wrapText } from '../wrap-text';

const whoamiSchema = 'gridpass.whoami/1';

/** What `gridpass whoami --json` prints. Never the session token: it stays inside the sign-in. */
interface WhoamiDocument {
  schema: typeof whoamiSchema;
  ok: boolean;
  site: string;
  person: (SignedInPerson & { locked: boolean | null }) | null;
  finding: Finding;
}

const help = `Usage: gridpass whoami --site S [--json] [--timeout SECONDS]

Finds out who you are on a ShotGrid site without any password: prints a link to
approve in a browser where you are signed in to the site (the App Session
Launcher, as ShotGrid Toolkit uses), waits up to 3 minutes with a countdown,
then prints your name, your exact legacy login (what tools must use) and the
account's state: active or not, locked or not.

Options:
  --site S             The site (mystudio, a host, or any page URL from it).
  --json               Print one JSON document (schema ${whoamiSchema}); the link
                       and the countdown go to stderr.
${timeoutHelp}
  -h, --help           Show this help.

Ctrl-C cancels the wait (exit 2).

Exit codes: 0 approved, 1 denied, expired or failed (the finding says why),
2 usage error or cancelled, 3 internal error.

Example:
  gridpass whoami --site mystudio.shotgrid.autodesk.com`;

export const whoamiCommand: Command = {
  name: 'whoami',
  help,
  async run(args, io, context) {
    const { values, positionals } = parseOptions(args, {
      site: { type: 'string' },
      json: { type: 'boolean' },
      timeout: { type: 'string' },
    }, false);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}": give the site with --site.`);
    if (values.site === undefined) throw new UsageError('Give the site: gridpass whoami --site mystudio.shotgrid.autodesk.com');
    const site = siteArgument(values.site);
    const style = terminalStyle(io.isTty, context.env, io.columns);
    const json = values.json === true;
    const timeout = timeoutMs(values.timeout);

    const ready = await launcherReady(context, site, timeout);
    if (ready !== null) return finish(io, style, json, failedDocument(site, ready));

    const result = await signInFromTerminal(context, io, { site, timeout, style, json });
    if (!result.ok && result.failure.kind === 'launcher-cancelled') {
      io.err('Cancelled: nothing was approved.');
      return ExitCode.usage;
    }
    const findingContext = cliFindingContext(context, site, 'oxygen');
    const document: WhoamiDocument = result.ok
      ? { schema: whoamiSchema, ok: true, site: site.origin, person: withLock(result.person, context.now()), finding: findingForSignedIn(result.person, findingContext) }
      : failedDocument(site, findingForSignInFailure(result.failure, findingContext));
    return finish(io, style, json, document, context.now());
  },
};

function withLock(person: SignedInPerson, now: Date): SignedInPerson & { locked: boolean | null } {
  if (!person.lockedUntilReadable) return { ...person, locked: null };
  return { ...person, locked: person.lockedUntil !== null && describeLockEnd(person.lockedUntil, now) !== null };
}

function failedDocument(site: SiteAddress, finding: Finding): WhoamiDocument {
  return { schema: whoamiSchema, ok: false, site: site.origin, person: null, finding };
}

function finish(io: CliIo, style: TerminalStyle, json: boolean, document: WhoamiDocument, now = new Date()): ExitCode {
  if (json) io.out(jsonDocument(document));
  else if (document.person === null) io.out(formatFinding(document.finding, style));
  else io.out(formatPerson(document.person, style, now));
  return document.ok ? ExitCode.ok : ExitCode.checkFailed;
}

const statusWords: Readonly<Record<string, string>> = { act: 'active', dis: 'inactive (disabled by an admin)' };

function formatPerson(person: SignedInPerson, style: TerminalStyle, now: Date): string {
  const rows: Array<[string, string]> = [
    ['Legacy login', person.login],
    ['Name', person.name ?? 'not readable'],
    ['Email', person.email ?? 'not readable'],
    ['Status', person.status === null ? 'not readable' : `${statusWords[person.status] ?? person.status} (${person.status})`],
    ['Permission group', person.permissionGroup ?? 'not readable'],
    ['Locked', lockText(person, now)],
  ];
  const lines = [
    '',
    style.bold(`You are ${person.name ?? person.login}`),
    ...rows.map(([label, value]) => `  ${label.padEnd(17)} ${value}`),
    '',
    wrapText(`Tools that log in with a login and passphrase must use exactly "${person.login}".`, style.columns),
  ];
  return `${lines.join('\n')}\n`;
}

function lockText(person: SignedInPerson, now: Date): string {
  if (!person.lockedUntilReadable) return 'not readable on this site';
  const end = person.lockedUntil === null ? null : describeLockEnd(person.lockedUntil, now);
  return end === null ? 'no' : `yes, until ${end.localTime} (${end.fromNow})`;
}
