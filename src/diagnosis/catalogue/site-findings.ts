import { helpLinks } from '../help-links';
import type { FindingContext, FindingFacts } from '../finding-context';
import { quote, siteLink, siteName, step, type FindingBuilder } from './wording';

const shotgridHostSuffixes = ['.shotgrid.autodesk.com', '.shotgunstudio.com'];

function isShotgridCloudHost(host: string): boolean {
  return shotgridHostSuffixes.some((suffix) => host.endsWith(suffix));
}

/** Where a redirect points, as an origin, or null when it cannot be read. */
function redirectTarget(context: FindingContext, location: string | null | undefined): URL | null {
  if (location === null || location === undefined || location === '') return null;
  try {
    return new URL(location, context.site?.origin);
  } catch {
    return null;
  }
}

function movedExplanation(context: FindingContext, target: URL | null): string {
  const from = siteName(context);
  if (target === null) return `${from} answered with a redirect to another address instead of answering itself.`;
  if (context.site !== null && target.host === context.site.host) {
    return `${from} redirects API requests to ${target.origin}${target.pathname}. Tools cannot follow redirects when logging in.`;
  }
  if (context.site?.host.endsWith('.shotgunstudio.com') === true && target.host.endsWith('.shotgrid.autodesk.com')) {
    return `${from} is the site's old name: *.shotgunstudio.com sites were renamed to *.shotgrid.autodesk.com. It now lives at ${target.origin}.`;
  }
  if (!isShotgridCloudHost(target.host)) {
    return `${from} redirects to ${target.origin}. If that is not your studio's site, the network may be sending you to a sign-in page (guest or hotel networks do this).`;
  }
  return `${from} redirects to ${target.origin}: the site has probably moved there.`;
}

function movedSteps(context: FindingContext, target: URL | null) {
  if (target === null || (context.site !== null && target.host === context.site.host)) {
    return [
      step('Use the site address exactly as your browser shows it once you are signed in (https://, no path after the name).', siteLink(context)),
      step('If the address is right, send the support report to your ShotGrid admin.'),
    ];
  }
  return [
    step(`If ${target.origin} is your studio's site, use that address in Gridpass and in your tools.`, { label: `Open ${target.host}`, url: target.origin }),
    step('If it is a network sign-in page, sign in to the network in your browser, then try again.'),
  ];
}

function statusText(facts: FindingFacts): string {
  return facts.status === undefined ? '' : ` (HTTP ${facts.status})`;
}

export const siteFindings = {
  'GP-SITE-HTML': (context, facts) => ({
    severity: 'error',
    title: 'A web page answered instead of the ShotGrid site',
    explanation:
      `Instead of a ShotGrid API reply, ${siteName(context)} returned a web page` +
      `${facts.pageTitle === null || facts.pageTitle === undefined ? '' : ` titled ${quote(facts.pageTitle)}`}${statusText(facts)}. ` +
      'This is usually a network sign-in page (guest or hotel Wi-Fi), a company proxy or single sign-on page, or the wrong address.',
    steps: [
      step('Open any web page in your browser; if a network sign-in page appears, sign in, then try again.'),
      step('Check the site address: it should be the address of your ShotGrid site itself, with nothing after the name.', siteLink(context)),
      step('If a company proxy or sign-on page appears, ask IT to let API requests to the site through.'),
    ],
  }),
  'GP-SITE-MOVED': (context, facts) => {
    const target = redirectTarget(context, facts.location);
    return {
      severity: 'error',
      title: target === null ? 'The site redirects elsewhere' : `The site redirects to ${target.host}`,
      explanation: movedExplanation(context, target),
      steps: movedSteps(context, target),
    };
  },
  'GP-SITE-MAINTENANCE': (context, facts) => ({
    // Nothing is wrong with the login or this computer: it is the site's to fix, and it passes.
    severity: 'warning',
    title: `${siteName(context)} is down for maintenance or too busy`,
    explanation:
      `The site answered that it cannot take requests right now${statusText(facts)}. This is on the site's side: nothing is ` +
      'wrong with your account or computer.',
    steps: [
      step('Wait a few minutes and try again.'),
      step('Check whether Autodesk reports an outage.', helpLinks.autodeskStatus),
    ],
  }),
  'GP-SITE-BLOCKED': (context) => ({
    severity: 'error',
    title: 'API access to the site is blocked',
    explanation:
      `${siteName(context)} refused the request with "forbidden" (HTTP 403). Sites can block API access, for example from ` +
      'certain networks or for all tools; only a site admin can change that.',
    steps: [
      step('Ask your ShotGrid site admin whether API access is blocked for your network or your account, and send them the support report.'),
      step('If you are off the studio network, try again from the studio network or VPN.'),
    ],
  }),
  'GP-SITE-HTTP-ERROR': (context, facts) => ({
    severity: 'error',
    title: `The site answered with an error${statusText(facts)}`,
    explanation:
      `${siteName(context)} answered, but with an HTTP error${statusText(facts)} instead of a ShotGrid reply.` +
      (facts.status === 404 ? ' "Not found" usually means the address has an extra path or points to another server.' : '') +
      (facts.detail === undefined || facts.detail === '' ? '' : ` The reply began: ${quote(facts.detail)}.`),
    steps: [
      step('Check the site address: just the site name, for example https://yourstudio.shotgrid.autodesk.com.', siteLink(context)),
      step('Try again in a few minutes; if it persists, send the support report to your ShotGrid admin.'),
    ],
  }),
  'GP-SITE-NOT-SHOTGRID': (context, facts) => ({
    severity: 'error',
    title: 'The address does not belong to a ShotGrid site',
    explanation:
      `${siteName(context)} answered, but not like a ShotGrid (Flow Production Tracking) site does` +
      `${facts.detail === undefined || facts.detail === '' ? '' : ` (${facts.detail})`}. The address probably points at another server.`,
    steps: [
      step('Open your ShotGrid site in the browser and copy the address from there (just https:// and the name).'),
      step('If the address is right, send the support report to your ShotGrid admin.'),
    ],
  }),
  'GP-SITE-BAD-REPLY': (context, facts) => ({
    severity: 'error',
    title: 'The site sent a reply Gridpass could not read',
    explanation:
      `${siteName(context)} answered with something that is not a valid ShotGrid reply` +
      `${facts.detail === undefined || facts.detail === '' ? '' : ` (${facts.detail})`}. A proxy or security filter may be ` +
      'changing the reply, or the address points at another server.',
    steps: [
      step('Check the site address.', siteLink(context)),
      step('Try again; if it persists, send the support report to IT or your ShotGrid admin.'),
    ],
  }),
} satisfies Record<string, FindingBuilder>;
