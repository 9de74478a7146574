import { findingFor, findingForFailure } from '../diagnosis/finding-catalogue';
import type { Finding } from '../diagnosis/finding';
import type { ApprovalLink } from '../shotgrid/browser-sign-in';
import type { IdentifyResult } from '../shotgrid/browser-sign-in-client';
import type { SiteAddress } from '../site/site-address';
import type { CliContext } from './cli-context';
import type { CliIo } from './cli-io';
import { cliFindingContext } from './finding-context';
import type { TerminalStyle } from './terminal-style';
import { wrapText } from './wrap-text';

/**
 * Browser sign-in from a terminal, as `gridpass whoami` and `gridpass doctor --browser-sign-in` both do it:
 * the approval link printed, a countdown while waiting, Ctrl-C cancels. The session token never leaves
 * the sign-in client; what comes back is the person's public record.
 */

/** The site must answer `info` and say it has the launcher on; otherwise the reason, as a finding. */
export async function launcherReady(context: CliContext, site: SiteAddress, timeout: number): Promise<Finding | null> {
  const probed = await context.client().probe(site, { timeoutMs: timeout });
  if (!probed.ok) return findingForFailure(probed.failure, cliFindingContext(context, site, null));
  if (probed.value.appSessionLauncher) return null;
  return findingFor('GP-SIGNIN-OFF', cliFindingContext(context, site, probed.value.loginMethod));
}

interface SignInOptions {
  site: SiteAddress;
  timeout: number;
  style: TerminalStyle;
  /** With JSON on standard output, the link and the countdown go to standard error. */
  json: boolean;
}

export async function signInFromTerminal(context: CliContext, io: CliIo, options: SignInOptions): Promise<IdentifyResult> {
  const { site, style, json } = options;
  const controller = new AbortController();
  void context.untilStopped().then(() => controller.abort());
  const countdown = new Countdown(io, style);
  try {
    return await context.browserSignIn({ timeoutMs: options.timeout }).identify(site, {
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
