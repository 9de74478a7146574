import { findingFor } from '../catalogue/catalogue';
import { formatSkew } from '../catalogue/wording';
import type { Check } from './check';
import { findingContextOf, outcome, skipped } from './check';

/** Two-step codes are time-based, so a wrong clock makes good codes fail. */
const clockWarnAfterSeconds = 60;
const clockFailAfterSeconds = 300;

export const clockCheck: Check = {
  id: 'clock',
  name: 'Clock',
  gatesLaterChecks: false,
  async run(context) {
    const { facts } = context;
    if (facts.siteInfo === null || facts.siteInfoAt === null) return skipped(facts.blockedBy ?? 'site check failed');
    const serverDate = facts.siteInfo.serverDate;
    if (serverDate === null) return skipped('the site did not send its time');
    const skewSeconds = (facts.siteInfoAt.getTime() - serverDate.getTime()) / 1000;
    const details = [`Site time: ${serverDate.toISOString()}`, `This computer: ${facts.siteInfoAt.toISOString()}`];
    const magnitude = Math.abs(skewSeconds);
    if (magnitude <= clockWarnAfterSeconds) return outcome('pass', `In step with the site (${Math.round(magnitude)} s apart)`, details);
    const direction = skewSeconds > 0 ? 'ahead of' : 'behind';
    const finding = findingFor('GP-CLOCK-SKEW', findingContextOf(context), { skewSeconds });
    const status = magnitude > clockFailAfterSeconds ? 'fail' : 'warn';
    return outcome(status, `This computer's clock is ${formatSkew(skewSeconds)} ${direction} the site`, details, finding);
  },
};
