import { findingFor, findingForFailure } from '../../diagnosis/finding-catalogue';
import type { Finding } from '../../diagnosis/finding';
import { siteFactsFrom, type SiteFacts } from '../../diagnosis/support-report';
import { describeLoginMethod } from '../../shotgrid/login-method';
import type { SiteInfo } from '../../shotgrid/shotgrid-client';
import type { SiteAddress } from '../../site/site-address';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { cliFindingContext } from '../finding-context';
import { jsonDocument } from '../json-output';
import { parseOptions } from '../parse-options';
import { timeoutHelp, timeoutMs } from '../timeout-option';
import { formatFinding } from '../print-finding';
import { siteArgument } from '../site-argument';
import { siteLoginGuide, type SiteLoginGuide } from '../site-login-guide';
import { terminalStyle, type TerminalStyle } from '../terminal-style';
import { wrapText } from '../wrap-text';

const siteSchema = 'gridpass.site/1';

/** What `gridpass site --json` prints. */
interface SiteDocument {
  schema: typeof siteSchema;
  ok: boolean;
  address: string;
  site: SiteFacts | null;
  loginMethodDescription: string | null;
  apiLogins: SiteLoginGuide | null;
  /** Why the site could not be read, or a warning about what it said; null when all is clear. */
  finding: Finding | null;
}

const help = `Usage: gridpass site <address> [--json] [--timeout SECONDS]

Asks a ShotGrid site what it is, without logging in: its version, how people sign
in (the login method) and what each person needs before their tools can log in
to the API with a user name and password.

Options:
  --json               Print one JSON document (schema ${siteSchema}).
${timeoutHelp}
  -h, --help           Show this help.

Exit codes: 0 the site answered, 1 it could not be read (the finding says why),
2 usage error, 3 internal error.

Example:
  gridpass site mystudio.shotgrid.autodesk.com`;

export const siteCommand: Command = {
  name: 'site',
  help,
  async run(args, io, context) {
    const { values, positionals } = parseOptions(args, {
      json: { type: 'boolean' },
      timeout: { type: 'string' },
    }, true);
    if (positionals.length > 1) throw new UsageError('Give one site address (gridpass site <address>).');
    if (positionals[0] === undefined) throw new UsageError('Give the site address, for example: gridpass site mystudio.shotgrid.autodesk.com');
    const site = siteArgument(positionals[0]);
    const timeout = timeoutMs(values.timeout);
    const probed = await context.client().probe(site, { timeoutMs: timeout });
    const document = probed.ok
      ? answeredDocument(context, site, probed.value)
      : failedDocument(site, findingForFailure(probed.failure, cliFindingContext(context, site, null)));
    if (values.json) io.out(jsonDocument(document));
    else printSite(io, document, terminalStyle(io.isTty, context.env, io.columns));
    return document.ok ? ExitCode.ok : ExitCode.checkFailed;
  },
};

function answeredDocument(context: CliContext, site: SiteAddress, info: SiteInfo): SiteDocument {
  const finding = info.loginMethod === null
    ? findingFor('GP-METHOD-UNKNOWN', cliFindingContext(context, site, null), { rawLoginMethod: info.rawLoginMethod })
    : null;
  return {
    schema: siteSchema,
    ok: true,
    address: site.origin,
    site: siteFactsFrom(site, info),
    loginMethodDescription: info.loginMethod === null ? null : describeLoginMethod(info.loginMethod),
    apiLogins: siteLoginGuide(info),
    finding,
  };
}

function failedDocument(site: SiteAddress, finding: Finding): SiteDocument {
  return { schema: siteSchema, ok: false, address: site.origin, site: null, loginMethodDescription: null, apiLogins: null, finding };
}

function printSite(io: CliIo, document: SiteDocument, style: TerminalStyle): void {
  if (document.site === null || document.apiLogins === null) {
    io.out(`Site ${document.address}\n`);
    if (document.finding !== null) io.out(formatFinding(document.finding, style));
    return;
  }
  const { site, apiLogins } = document;
  const method = document.loginMethodDescription === null
    ? `unknown (${site.rawLoginMethod === null ? 'not given' : `"${site.rawLoginMethod}"`})`
    : `${document.loginMethodDescription} (${site.loginMethod})`;
  const lines = [
    style.bold(`Site ${site.address}`),
    `  ShotGrid version      ${site.version ?? 'not given'}`,
    `  Login method          ${method}`,
    `  Unified login flow    ${onOff(site.unifiedLoginFlow)}`,
    `  App Session Launcher  ${onOff(site.appSessionLauncher)}`,
    '',
    style.bold('API logins with a user name and password'),
    `  ${apiLogins.summary}`,
    '  Before their tools can log in, each person must:',
    ...apiLogins.prerequisites.map((line, index) => `    ${index + 1}. ${line}`),
    `  Gridpass will ask each person for: ${apiLogins.gridpassAsks.join(', and ')}.`,
    ...apiLogins.notes.map((note) => `  Note: ${note}`),
  ];
  io.out(`${wrapText(lines.join('\n'), style.columns)}\n`);
  if (document.finding !== null) io.out(`\n${formatFinding(document.finding, style)}`);
}

function onOff(flag: boolean | null): string {
  return flag === null ? 'not given' : flag ? 'on' : 'off';
}
