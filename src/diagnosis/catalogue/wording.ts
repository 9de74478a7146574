import { lockoutThreshold, refusalsLeft } from '../../accounts/refusal-policy';
import type { Finding, FixLink, FixStep } from '../finding';
import type { FindingContext, FindingFacts } from '../finding-context';

/** A catalogue entry: everything but the code, which the catalogue adds from the entry's key. */
export type FindingBuilder = (context: FindingContext, facts: FindingFacts) => Omit<Finding, 'code'>;


const maxQuotedLength = 300;

/** The site as people see it in the address bar: host, and port when it is not the default. */
export function siteName(context: FindingContext): string {
  return context.site === null ? 'your ShotGrid site' : new URL(context.site.origin).host;
}

export function siteLink(context: FindingContext): FixLink | undefined {
  if (context.site === null) return undefined;
  return { label: `Open ${siteName(context)}`, url: context.site.origin };
}

export function step(text: string, link?: FixLink, role?: FixStep['role']): FixStep {
  return { text, ...(link === undefined ? {} : { link }), ...(role === undefined ? {} : { role }) };
}

/** Server text is shown as is, but bounded so a whole HTML page cannot end up in a finding. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const bounded = oneLine.length > maxQuotedLength ? `${oneLine.slice(0, maxQuotedLength)}…` : oneLine;
  return `"${bounded}"`;
}

export function serverSaid(facts: FindingFacts): string {
  if (facts.serverMessage === undefined || facts.serverMessage.trim() === '') return '';
  const quoted = quote(facts.serverMessage);
  return ` The site said: ${quoted}${/[.!?\u2026]"$/.test(quoted) ? '' : '.'}`;
}

export function loginName(context: FindingContext): string {
  return context.login !== undefined && context.login !== null && context.login !== ''
    ? `"${context.login}"`
    : 'your ShotGrid login (often your email address)';
}

/** Tells people how close they are to a lockout, so nobody retries blindly into one. */
export function lockoutSteps(context: FindingContext): FixStep[] {
  const failed = context.failedLogins ?? 0;
  const retry = 'Gridpass never retries a refused login by itself, so trying again is always your choice.';
  if (failed <= 0) return [step(`${retry} After ${lockoutThreshold} refused logins ShotGrid locks the account for an hour.`, undefined, 'lockout')];
  const left = refusalsLeft(failed);
  return [step(
    `Gridpass has had ${failed} refused ${failed === 1 ? 'login' : 'logins'} for this account. ShotGrid locks an account for an hour after ${lockoutThreshold}` +
      (left > 0 ? ` (${left} left, counting only Gridpass's attempts).` : '.') + ` ${retry}`,
    undefined,
    'lockout',
  )];
}

/** TLS and proxy fixes differ between the app (OS settings) and the command line tool (environment variables). */
export function forEachNetworkStack(context: FindingContext, app: string, cli: string): FixStep[] {
  switch (context.networkStack) {
    case 'chromium':
      return [step(app)];
    case 'node':
      return [step(cli)];
    case undefined:
      return [step(`In the Gridpass app: ${lowerFirst(app)}`), step(`In the gridpass command: ${lowerFirst(cli)}`)];
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

/** "90 seconds", "12 minutes": clock differences as people say them. */
export function formatSkew(seconds: number): string {
  const magnitude = Math.abs(seconds);
  return magnitude >= 120 ? `${Math.round(magnitude / 60)} minutes` : `${Math.round(magnitude)} seconds`;
}
