import { findingFor, findingForFailure } from '../../diagnosis/finding-catalogue';
import type { Finding } from '../../diagnosis/finding';
import { findingForSignedIn, findingForSignInFailure } from '../../diagnosis/finding-for-sign-in';
import type { ApprovalLink } from '../../shotgrid/browser-sign-in';
import type { IdentifyResult } from '../../shotgrid/browser-sign-in-client';
import type { SignedInPerson } from '../../shotgrid/signed-in-person';
import type { SiteAddress } from '../../site/site-address';
import { describeLockEnd } from '../../text/lock-time';
import type { CliContext } from '../cli-context';
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

    const result = await signIn(context, io, style, json, site, timeout);
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

/** The site must answer `info` and say it has the launcher on; otherwise the reason, as a finding. */
async function launcherReady(context: CliContext, site: SiteAddress, timeout: number): Promise<Finding | null> {
  const probed = await context.client().probe(site, { timeoutMs: timeout });
  if (!probed.ok) return findingForFailure(probed.failure, cliFindingContext(context, site, null));
  if (probed.value.appSessionLauncher) return null;
  return findingFor('GP-SIGNIN-OFF', cliFindingContext(context, site, probed.value.loginMethod));
}

async function signIn(
  context: CliContext, io: CliIo, style: TerminalStyle, json: boolean, site: SiteAddress, timeout: number,
): Promise<IdentifyResult> {
  const controller = new AbortController();
  void context.untilStopped().then(() => controller.abort());
  const countdown = new Countdown(io, style);
  try {
    return await context.browserSignIn({ timeoutMs: timeout }).identify(site, {
      signal: controller.signal,
      onApprovalLink: (link) => {
        const say = (text: string) => (json ? io.err(text) : io.out(text));
        say(wrapText(`Open this link in a browser where you are signed in to ${site.host}, and approve "Gridpass" there:`, style.columns));
        say(`  ${link.url}`);
        countdown.start(link);
      },
    });
  } finally {
    countdown.stop();
  }
}

/** "Waiting for approval: 2:58 left": redrawn every second on a terminal, said once elsewhere. */
class Countdown {
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly io: CliIo, private readonly style: TerminalStyle) {}

  start(link: ApprovalLink): void {
    const line = () => `Waiting for approval: ${timeLeft(link.expiresAt - Date.now())} left (Ctrl-C cancels)`;
    if (!this.style.ansi) {
      this.io.err(line());
      return;
    }
    this.io.status(`\r\u001b[2K${line()}`);
    this.#timer = setInterval(() => this.io.status(`\r\u001b[2K${line()}`), 1000);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer === null) return;
    clearInterval(this.#timer);
    this.#timer = null;
    this.io.status('\r\u001b[2K');
  }
}

function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

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
