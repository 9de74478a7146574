import { formatPracticeSiteBanner } from '../../practice-site/practice-site-banner';
import { practiceSiteSummary } from '../../practice-site/practice-site-summary';
import { isLoginMethod, loginMethods } from '../../shotgrid/login-method';
import type { Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonDocument } from '../json-output';
import { parseOptions } from '../parse-options';

/** Named like every other JSON document the CLI prints, so scripts can tell them apart. */
const practiceSiteSchema = 'gridpass.practice-site/1';

const help = `Usage: gridpass practice-site [--method default|ldap|saml2|oxygen] [--port N] [--tls] [--json]

Starts the practice site: a simulated ShotGrid site on this computer (loopback
only) with ready-made accounts in every state (works, no PAT, no passphrase, 2FA,
locked, inactive...) and two API scripts. Point Gridpass, your tools or a trainee
at the address it prints. It runs until Ctrl-C (SIGINT) or SIGTERM.

The practice passphrases and keys it prints open nothing but this simulated site.

Options:
  --method M   The site's login method (default oxygen, Autodesk Identity).
  --port N     Listen on this port (default: any free port).
  --tls        Serve https with the self-signed practice certificate.
  --json       Print the address and accounts as one JSON document (schema
               ${practiceSiteSchema}).
  -h, --help   Show this help.

Example:
  gridpass practice-site --method oxygen --port 8443
  gridpass site http://127.0.0.1:8443`;

export const practiceSiteCommand: Command = {
  name: 'practice-site',
  help,
  async run(args, io, context) {
    const { values } = parseOptions(args, {
      method: { type: 'string' },
      port: { type: 'string' },
      tls: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const method = values.method ?? 'oxygen';
    if (!isLoginMethod(method)) throw new UsageError(`--method is one of ${loginMethods.join(', ')}, not "${method}".`);
    const port = portOption(values.port);
    let site;
    try {
      site = await context.startPracticeSite({ method, port, tls: values.tls === true });
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
        throw new UsageError(`Port ${port} is already in use: choose another with --port, or leave it out to pick a free one.`);
      }
      throw error;
    }
    io.out(values.json ? jsonDocument({ schema: practiceSiteSchema, ...practiceSiteSummary(site) }) : `${formatPracticeSiteBanner(site)}\nPress Ctrl-C to stop.`);
    const signal = await context.untilStopped();
    await site.close();
    if (!values.json) io.err(`Practice site stopped (${signal}).`);
    return ExitCode.ok;
  },
};

function portOption(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`--port takes a number from 1 to 65535, not "${value}".`);
  return port;
}
