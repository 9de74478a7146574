import { findingFor } from '../catalogue/catalogue';
import type { Check } from './check';
import { findingContextOf, outcome, skipped } from './check';

/** Says what the site's login method means for tools before any password is sent. */
export const loginMethodCheck: Check = {
  id: 'login-method',
  name: 'Login method',
  gatesLaterChecks: false,
  async run(context) {
    const { facts } = context;
    const info = facts.siteInfo;
    if (info === null) return skipped(facts.blockedBy ?? 'site check failed');
    const raw = [`Reported method: ${info.rawLoginMethod ?? 'none'}`];
    switch (info.loginMethod) {
      case 'oxygen':
        return outcome('pass', 'Autodesk Identity: tools log in with the ShotGrid login and legacy passphrase, with a Personal Access Token bound', raw);
      case 'default':
        return outcome('pass', 'ShotGrid login: no Personal Access Token needed (yet; the site may move to Autodesk Identity later)', raw);
      case 'ldap':
        return outcome('pass', 'LDAP: tools log in with the studio directory password; no Personal Access Token needed (yet)', raw);
      case 'saml2': {
        const finding = findingFor('GP-AUTH-SSO-ONLY', findingContextOf(context));
        return outcome('warn', 'Single sign-on: the site refuses password logins from tools unless the admin allows legacy logins', raw, finding);
      }
      case null: {
        const finding = findingFor('GP-METHOD-UNKNOWN', findingContextOf(context), { rawLoginMethod: info.rawLoginMethod });
        return outcome('warn', `Unknown login method "${info.rawLoginMethod ?? 'none'}"`, raw, finding);
      }
    }
  },
};
