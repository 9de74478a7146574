import type { FindingFacts } from '../finding-context';
import { serverSaid, siteLink, siteName, step, type FindingBuilder } from './wording';

function waited(facts: FindingFacts): string {
  if (facts.afterMs === undefined) return 'the whole time';
  const seconds = Math.round(facts.afterMs / 1000);
  return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
}

const tryAgainStep = step('Start the browser sign-in again and approve it in the browser where you are signed in to the site.');
const typeLoginStep = step('Or type your login instead: no browser is needed for that.');

/**
 * Browser sign-in through the App Session Launcher. None of these touch a password, so none count towards a
 * lockout, and every one of them can simply be started again.
 */
export const signInFindings = {
  'GP-SIGNIN-CONFIRMED': (context, facts) => ({
    severity: 'info',
    title: facts.personName === undefined || facts.personName === null
      ? 'You confirmed who you are in the browser'
      : `You are ${facts.personName}`,
    explanation:
      `${siteName(context)} confirmed the person signed in to the browser` +
      `${facts.personLogin === undefined ? '' : `: the legacy login is "${facts.personLogin}"`}. Tools that log in with a login ` +
      'and passphrase must use exactly this login.',
    steps: [step(`Use ${facts.personLogin === undefined ? 'this login' : `"${facts.personLogin}"`} with your legacy passphrase in pipeline tools and scripts.`)],
  }),
  'GP-SIGNIN-OFF': (context, facts) => ({
    severity: 'warning',
    title: 'This site does not offer browser sign-in',
    explanation:
      `${siteName(context)} has the App Session Launcher switched off, so Gridpass cannot ask your browser who you are.` +
      serverSaid(facts),
    steps: [
      step('Type your login instead. On Autodesk Identity sites it may differ from your e-mail address: your ShotGrid admin can look it up.'),
      step('Ask your ShotGrid admin whether the App Session Launcher can be turned on; ShotGrid Toolkit apps use it too.'),
    ],
  }),
  'GP-SIGNIN-REJECTED': (context) => ({
    severity: 'warning',
    title: 'The browser sign-in was denied or has expired',
    explanation:
      `${siteName(context)} no longer knows this sign-in request: it was denied in the browser, or it was left too long and ` +
      'expired. Nothing else changed.',
    steps: [tryAgainStep, typeLoginStep],
  }),
  'GP-SIGNIN-TIMEOUT': (context, facts) => ({
    severity: 'warning',
    title: 'Nobody approved the browser sign-in in time',
    explanation:
      `Gridpass waited ${waited(facts)} for the request to be approved on ${siteName(context)}, then stopped asking. ` +
      'The browser may have opened on a profile that is not signed in to the site.',
    steps: [
      step('Start again, copy the approval link and open it in the browser (or profile) where you are signed in to the site.', siteLink(context)),
      typeLoginStep,
    ],
  }),
  'GP-SIGNIN-CANCELLED': () => ({
    severity: 'info',
    title: 'Browser sign-in cancelled',
    explanation: 'The browser sign-in was stopped before it was approved. Nothing was sent to the site beyond the request itself.',
    steps: [tryAgainStep, typeLoginStep],
  }),
  'GP-SIGNIN-REDIRECTED': (context, facts) => ({
    severity: 'error',
    title: 'The site redirected the browser sign-in',
    explanation:
      `${siteName(context)} answered the sign-in request with a redirect${facts.location === undefined || facts.location === null ? '' : ` to ${facts.location}`} ` +
      `(HTTP ${facts.status ?? 'redirect'}) instead of answering itself. A network sign-in page or a proxy may be in the way, or the site moved.`,
    steps: [
      step('Open the site in your browser; if a network sign-in page appears, sign in, then try again.', siteLink(context)),
      step('Check the site address: it should be the address your browser shows once you are signed in.'),
    ],
  }),
  'GP-SIGNIN-UNSTABLE': (context, facts) => ({
    severity: 'warning',
    title: 'The site could not answer the browser sign-in',
    explanation:
      `${siteName(context)} answered with a server error (HTTP ${facts.status ?? '5xx'}) ` +
      `${facts.attempts === undefined ? '' : `${facts.attempts} ${facts.attempts === 1 ? 'time' : 'times'} in a row`}. This is on the site's side.`,
    steps: [step('Wait a few minutes and start the browser sign-in again.'), typeLoginStep],
  }),
  'GP-SIGNIN-REFUSED': (context, facts) => ({
    severity: 'error',
    title: `The site refused the browser sign-in (HTTP ${facts.status ?? 'error'})`,
    explanation:
      `${siteName(context)} answered the sign-in request in a way the App Session Launcher never does` +
      `${facts.detail === undefined || facts.detail === '' ? '.' : `: "${facts.detail}".`} A proxy or an old site version may be in the way.`,
    steps: [typeLoginStep, step('If it keeps happening, send the support report to your ShotGrid admin.')],
  }),
  'GP-SIGNIN-BAD-REPLY': (context, facts) => ({
    severity: 'error',
    title: 'The site sent a browser sign-in reply Gridpass cannot read',
    explanation: `${siteName(context)} answered, but not as the App Session Launcher does. ${facts.detail ?? ''}`.trim(),
    steps: [typeLoginStep, step('If it keeps happening, send the support report to your ShotGrid admin.')],
  }),
} satisfies Record<string, FindingBuilder>;
