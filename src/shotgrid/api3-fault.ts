import type { AuthFailure } from './failure';
import { namesALock } from './lockout';

/** What the failed call carried, which decides what a fault code means. */
export interface FaultContext {
  /** A 2FA code was sent: a 106 then means the code was refused, not that one is needed. */
  twoFactorCodeSent?: boolean;
  /** The call was authenticated by a session token: a 102 then means the session is over. */
  sessionToken?: boolean;
  /** The call asked to act as this HumanUser: a 102 about sudo is a refusal to impersonate. */
  sudoAsLogin?: string;
}

/**
 * Maps an API3 fault (`{"exception":true,"error_code":N,"message":…}`) to a failure. Branches on the
 * code: the server's texts for locked and inactive accounts are not documented, so they are only
 * recognised by their wording and always passed on as is.
 */
export function classifyFault(code: number, message: string, context: FaultContext): AuthFailure {
  switch (code) {
    case 102:
    case 110:
      return classifyAuthenticationFault(code, message, context);
    case 106:
      return context.twoFactorCodeSent
        ? { kind: 'two-factor-rejected', serverMessage: message }
        : { kind: 'two-factor-required', serverMessage: message };
    case 108:
      return { kind: 'sso-only', serverMessage: message };
    default:
      return { kind: 'fault', code, serverMessage: message };
  }
}

function classifyAuthenticationFault(code: 102 | 110, message: string, context: FaultContext): AuthFailure {
  if (context.sudoAsLogin !== undefined && /\bsudo\b|impersonat/i.test(message)) {
    return { kind: 'sudo-refused', targetLogin: context.sudoAsLogin, serverMessage: message };
  }
  if (namesALock(message)) {
    return { kind: 'account-locked', serverMessage: message };
  }
  if (/\binactive\b|\bdisabled\b|\bdeactivated\b|not active/i.test(message)) {
    return { kind: 'account-inactive', detail: message };
  }
  if (context.sessionToken && code === 102) {
    return { kind: 'session-expired', serverMessage: message };
  }
  return { kind: 'auth-rejected', code, serverMessage: message };
}
