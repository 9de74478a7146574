import { loginName, siteName, step, type FindingBuilder } from './wording';

/** Words every session finding ends with: tools cannot fix a login, only the person can, in Gridpass. */
const openGridpass = step('Open Gridpass to fix this login: the Accounts screen shows what is wrong and what to do.');

export const sessionFindings = {
  'GP-SESSION-NO-LOGIN': (context) => ({
    severity: 'error',
    title: 'Gridpass has no saved login for this site',
    explanation:
      `A tool asked Gridpass for a session on ${siteName(context)}${context.login ? ` for ${loginName(context)}` : ''}, but no such ` +
      'login is saved in Gridpass on this computer (or it was forgotten at the end of a booking).',
    steps: [
      step('Open Gridpass and set up this site: check your login once and save it. Tools then get their session from Gridpass.'),
      step('Check that the tool names the same site address (and login) that Gridpass shows under Accounts.'),
    ],
  }),
  'GP-SESSION-PAUSED': (context) => ({
    severity: 'error',
    title: 'The session has expired, and Gridpass will not send the passphrase for this login',
    explanation:
      `The session for ${loginName(context)} on ${siteName(context)} has expired. Renewing it takes the saved passphrase, but the ` +
      'site refused that passphrase last time, so Gridpass has paused this login: ShotGrid locks an account for an hour after 10 ' +
      'refused logins, whichever tool sent them.',
    steps: [openGridpass, step('Once the login works again in Gridpass, tools get a fresh session without any change on their side.')],
  }),
} satisfies Record<string, FindingBuilder>;
