import type { NetworkFailure } from '../net/network-failure';
import type { AuthFailure, Failure, HttpFailure } from '../shotgrid/failure';
import type { Finding } from './finding';
import { findingFor, type FindingCode } from './catalogue/catalogue';
import type { FindingContext, FindingFacts } from './finding-context';

type Classified = { code: FindingCode; facts: FindingFacts };

/** Chromium and Node name "no route" differently; both mean the machine is offline or off the VPN. */
const offlinePattern = /ENETUNREACH|EHOSTUNREACH|ENETDOWN|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|NETWORK_CHANGED/i;

/** Turns a client failure into the finding a person reads, tailored to the site's login method. */
export function findingForFailure(failure: Failure, context: FindingContext): Finding {
  const { code, facts } = classifyFailure(failure, context);
  return findingFor(code, context, facts);
}

export function classifyFailure(failure: Failure, context: FindingContext): Classified {
  switch (failure.kind) {
    case 'dns':
    case 'refused':
    case 'reset':
    case 'timeout':
    case 'tls-untrusted':
    case 'tls-expired':
    case 'tls-wrong-host':
    case 'tls-other':
    case 'proxy':
    case 'network':
      return classifyNetwork(failure);
    case 'redirect':
    case 'maintenance':
    case 'http-error':
    case 'html':
    case 'not-json':
    case 'too-large':
    case 'malformed':
      return classifyHttp(failure);
    case 'not-shotgrid':
      return { code: 'GP-SITE-NOT-SHOTGRID', facts: { detail: failure.detail } };
    default:
      return classifyAuth(failure, context);
  }
}

function classifyNetwork(failure: NetworkFailure): Classified {
  switch (failure.kind) {
    case 'dns':
      return { code: 'GP-NET-DNS', facts: { host: failure.host } };
    case 'refused':
      return { code: 'GP-NET-REFUSED', facts: {} };
    case 'reset':
      return { code: 'GP-NET-RESET', facts: {} };
    case 'timeout':
      return { code: 'GP-NET-TIMEOUT', facts: { afterMs: failure.afterMs } };
    case 'tls-untrusted':
      return { code: 'GP-TLS-UNTRUSTED', facts: { detail: failure.detail } };
    case 'tls-expired':
      return { code: 'GP-TLS-EXPIRED', facts: { detail: failure.detail } };
    case 'tls-wrong-host':
      return { code: 'GP-TLS-WRONG-HOST', facts: { detail: failure.detail } };
    case 'tls-other':
      return { code: 'GP-TLS-OTHER', facts: { detail: failure.detail } };
    case 'proxy':
      return { code: 'GP-NET-PROXY', facts: { detail: failure.detail } };
    case 'network':
      return { code: offlinePattern.test(failure.detail) ? 'GP-NET-OFFLINE' : 'GP-NET-OTHER', facts: { detail: failure.detail } };
  }
}

/** Some statuses mean the same whatever the body looks like: a 403 page is a block, a 407 is the proxy. */
function classifyStatus(status: number): FindingCode | null {
  if (status === 403) return 'GP-SITE-BLOCKED';
  if (status === 407) return 'GP-NET-PROXY';
  if (status === 502 || status === 503 || status === 504) return 'GP-SITE-MAINTENANCE';
  return null;
}

function classifyHttp(failure: HttpFailure): Classified {
  switch (failure.kind) {
    case 'redirect':
      return { code: 'GP-SITE-MOVED', facts: { status: failure.status, location: failure.location } };
    case 'maintenance':
      return { code: 'GP-SITE-MAINTENANCE', facts: { status: failure.status } };
    case 'http-error':
      return { code: classifyStatus(failure.status) ?? 'GP-SITE-HTTP-ERROR', facts: { status: failure.status, detail: failure.bodyExcerpt } };
    case 'html':
      return { code: classifyStatus(failure.status) ?? 'GP-SITE-HTML', facts: { status: failure.status, pageTitle: failure.pageTitle } };
    case 'not-json':
      return {
        code: classifyStatus(failure.status) ?? 'GP-SITE-BAD-REPLY',
        facts: { status: failure.status, contentType: failure.contentType, detail: `not JSON: ${failure.contentType ?? 'no content type'}` },
      };
    case 'too-large':
      return { code: 'GP-SITE-BAD-REPLY', facts: { limitBytes: failure.limitBytes, detail: `reply larger than ${failure.limitBytes} bytes` } };
    case 'malformed':
      return { code: 'GP-SITE-BAD-REPLY', facts: { detail: failure.detail } };
  }
}

function classifyAuth(failure: AuthFailure, context: FindingContext): Classified {
  switch (failure.kind) {
    case 'auth-rejected':
      return narrowedByPerson(context) ?? { code: rejectedLoginCode(failure.code, context), facts: { serverMessage: failure.serverMessage, faultCode: failure.code } };
    case 'two-factor-required':
      return { code: 'GP-AUTH-2FA-REQUIRED', facts: { serverMessage: failure.serverMessage } };
    case 'two-factor-rejected':
      return { code: 'GP-AUTH-2FA-REJECTED', facts: { serverMessage: failure.serverMessage } };
    case 'sso-only':
      return { code: 'GP-AUTH-SSO-ONLY', facts: { serverMessage: failure.serverMessage } };
    case 'account-locked':
      return { code: 'GP-ACCOUNT-LOCKED', facts: { serverMessage: failure.serverMessage } };
    case 'account-inactive':
      return { code: 'GP-ACCOUNT-INACTIVE', facts: { detail: failure.detail } };
    case 'session-expired':
      return { code: 'GP-AUTH-SESSION-EXPIRED', facts: { serverMessage: failure.serverMessage } };
    case 'sudo-refused':
      return { code: 'GP-AUTH-SUDO-REFUSED', facts: { serverMessage: failure.serverMessage, targetLogin: failure.targetLogin } };
    case 'fault':
      return { code: 'GP-AUTH-FAULT', facts: { serverMessage: failure.serverMessage, faultCode: failure.code } };
  }
}

/**
 * What a password login would surely meet, known from the browser sign-in before anything is sent: the typed
 * login is not the person's, or the account is inactive or locked. `null` when the login may well work.
 */
export function refusalKnownBeforeSending(context: FindingContext): Finding | null {
  const known = narrowedByPerson(context);
  return known === null ? null : findingFor(known.code, context, known.facts);
}

/**
 * `GP-AUTH-WRONG-LOGIN` when the login about to be tried is not the signed-in person's: the same rule a
 * refusal is narrowed by, asked before any password is sent. `null` when the login is theirs.
 */
export function wrongLoginFinding(context: FindingContext): Finding | null {
  const narrowed = narrowedByPerson({ ...context, credential: 'passphrase' });
  return narrowed?.code === 'GP-AUTH-WRONG-LOGIN' ? findingFor(narrowed.code, context, narrowed.facts) : null;
}

/**
 * A refused password when the person confirmed in the browser who they are: the typed login is not theirs,
 * or the account is inactive or locked. `null` when none of these is it: then only the passphrase and the
 * token remain, which the refusal's own finding covers (its steps skip the login when it is known right).
 */
function narrowedByPerson(context: FindingContext): Classified | null {
  const person = context.signedIn;
  if (person === undefined || (context.credential !== undefined && context.credential !== 'passphrase')) return null;
  const typed = context.login?.trim() ?? '';
  if (typed !== '' && typed.toLowerCase() !== person.login.toLowerCase()) {
    return { code: 'GP-AUTH-WRONG-LOGIN', facts: { personLogin: person.login, personName: person.name } };
  }
  if (person.status !== null && person.status !== 'act') {
    return { code: 'GP-ACCOUNT-INACTIVE', facts: { detail: `The account "${person.login}" has status "${person.status}", not "act" (active).` } };
  }
  const now = context.now ?? new Date();
  if (person.lockedUntil !== null && new Date(person.lockedUntil).getTime() > now.getTime()) {
    return { code: 'GP-ACCOUNT-LOCKED', facts: { lockedUntil: person.lockedUntil } };
  }
  return null;
}

/**
 * The server does not say why it refused a login. On an Identity site a refusal (102, and 110 which only
 * Identity sites send) covers a missing passphrase or PAT as well as a typo, so it gets the steps for all.
 */
function rejectedLoginCode(code: 102 | 110, context: FindingContext): FindingCode {
  switch (context.credential) {
    case 'script-key':
      return 'GP-AUTH-BAD-SCRIPT-KEY';
    case 'session-token':
      return 'GP-AUTH-SESSION-EXPIRED';
    case 'passphrase':
    case undefined:
      return code === 110 || context.loginMethod === 'oxygen' ? 'GP-AUTH-NO-PAT' : 'GP-AUTH-BAD-CREDENTIALS';
  }
}
