import type { IdentifyFailure } from '../shotgrid/browser-sign-in-client';
import { isLauncherFailure } from '../shotgrid/browser-sign-in-failure';
import type { LauncherFailure } from '../shotgrid/browser-sign-in-failure';
import type { SignedInPerson } from '../shotgrid/signed-in-person';
import { findingFor } from './catalogue/catalogue';
import type { FindingCode } from './catalogue/catalogue';
import type { Finding } from './finding';
import { findingForFailure } from './finding-for-failure';
import type { FindingContext, FindingFacts } from './finding-context';

/** The finding for a browser sign-in that did not end in a session; network trouble keeps its usual findings. */
export function findingForSignInFailure(failure: IdentifyFailure, context: FindingContext): Finding {
  if (!isLauncherFailure(failure)) return findingForFailure(failure, { ...context, credential: 'session-token' });
  const { code, facts } = classifyLauncher(failure);
  return findingFor(code, context, facts);
}

/** The finding for a confirmed sign-in: who the person is, in the words the wizard and `whoami` show. */
export function findingForSignedIn(person: SignedInPerson, context: FindingContext): Finding {
  return findingFor('GP-SIGNIN-CONFIRMED', { ...context, login: person.login }, { personName: person.name, personLogin: person.login });
}

function classifyLauncher(failure: LauncherFailure): { code: FindingCode; facts: FindingFacts } {
  switch (failure.kind) {
    case 'launcher-off':
      return { code: 'GP-SIGNIN-OFF', facts: { serverMessage: failure.serverMessage } };
    case 'launcher-rejected':
      return { code: 'GP-SIGNIN-REJECTED', facts: {} };
    case 'launcher-timeout':
      return { code: 'GP-SIGNIN-TIMEOUT', facts: { afterMs: failure.afterMs } };
    case 'launcher-cancelled':
      return { code: 'GP-SIGNIN-CANCELLED', facts: {} };
    case 'launcher-redirect':
      return { code: 'GP-SIGNIN-REDIRECTED', facts: { status: failure.status, location: failure.location } };
    case 'launcher-unstable':
      return { code: 'GP-SIGNIN-UNSTABLE', facts: { status: failure.status, attempts: failure.attempts } };
    case 'launcher-refused':
      return { code: 'GP-SIGNIN-REFUSED', facts: { status: failure.status, detail: failure.detail } };
    case 'launcher-bad-reply':
      return { code: 'GP-SIGNIN-BAD-REPLY', facts: { detail: failure.detail } };
  }
}
