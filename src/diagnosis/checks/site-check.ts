import { describeLoginMethod } from '../../shotgrid/login-method';
import { serverExcerpt } from '../../shotgrid/server-text';
import { classifyFailure, findingForFailure } from '../finding-for-failure';
import type { Check } from './check';
import { findingContextOf, outcome, skipped, timeoutOf } from './check';

/** Asks the site's unauthenticated `info`: is this ShotGrid, which version, how do people log in. */
export const siteCheck: Check = {
  id: 'site',
  name: 'ShotGrid site',
  gatesLaterChecks: true,
  async run(context) {
    const { site } = context.target;
    const { facts, deps } = context;
    if (site === null || facts.blockedBy !== null) return skipped(facts.blockedBy ?? 'no site address given');
    const result = await deps.client.probe(site, { timeoutMs: timeoutOf(context) });
    if (!result.ok) {
      facts.blockedBy = 'site check failed';
      const findingContext = findingContextOf(context);
      const finding = findingForFailure(result.failure, findingContext);
      const { code } = classifyFailure(result.failure, findingContext);
      return outcome('fail', finding.title, [`Failure: ${result.failure.kind} (${code})`], finding);
    }
    // The probe knows no secret; a site that saw this login earlier may describe itself with it.
    const { passphrase, twoFactorCode } = context.target;
    const raw = result.value.rawLoginMethod;
    const info = { ...result.value, rawLoginMethod: raw === null ? null : serverExcerpt(raw, [passphrase, twoFactorCode]) };
    facts.siteInfo = info;
    facts.siteInfoAt = deps.now();
    const method = info.loginMethod === null ? `unknown (${info.rawLoginMethod ?? 'not reported'})` : describeLoginMethod(info.loginMethod);
    return outcome('pass', `ShotGrid ${info.version.join('.')} answers at ${site.origin}`, [
      `Version: ${(info.fullVersion ?? info.version).join('.')}`,
      `Login method: ${method}`,
      `Unified login flow: ${info.unifiedLoginFlow ? 'on' : 'off'}`,
      `App Session Launcher: ${info.appSessionLauncher ? 'on' : 'off'}`,
    ]);
  },
};
