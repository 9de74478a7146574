import { describeLoginMethod } from '../shotgrid/login-method';
import type { LoginMethod } from '../shotgrid/login-method';
import type { AccountScenario } from './practice-seed';
import type { PracticeSite } from './practice-site';

/** One person on the practice site, with their practice credentials (public practice values, not secrets). */
export interface PracticeAccountSummary {
  id: number;
  login: string;
  name: string;
  email: string;
  scenario: AccountScenario;
  state: string;
  passphrase: string | null;
  patBound: boolean;
  status: 'act' | 'dis';
  retired: boolean;
  permissionGroup: string;
  canBeImpersonated: boolean;
  twoFactorCodes: readonly string[] | null;
  backupCodes: readonly string[] | null;
  /** `locked_until` as the running site holds it (ISO; may be past), or `null`. Failed logins change it. */
  lockedUntil: string | null;
  notes: string;
}

interface PracticeScriptSummary {
  id: number;
  name: string;
  key: string;
  canSudo: boolean;
  notes: string;
}

/** What `gridpass practice-site --json` prints. */
export interface PracticeSiteSummary {
  url: string;
  method: LoginMethod;
  methodDescription: string;
  tls: boolean;
  accounts: PracticeAccountSummary[];
  scripts: PracticeScriptSummary[];
  controls: { faults: string; accounts: string; sessions: string; appSessionRequests: string; log: string };
}

const STATE_LABELS: Readonly<Record<AccountScenario, string>> = {
  'works': 'works',
  'works-legacy-login': 'works (short login)',
  'no-pat': 'no PAT bound',
  'no-passphrase': 'no passphrase',
  'two-factor': '2FA on',
  'locked': 'locked',
  'inactive': 'inactive',
  'sudo-target': 'sudo target',
  'sudo-not-allowed': 'sudo refused',
  'retired': 'retired',
  'admin': 'admin, works',
  'legacy-login-differs': 'works (login is not the e-mail)',
};

function stateLabel(scenario: AccountScenario): string {
  return STATE_LABELS[scenario];
}

export function practiceSiteSummary(site: PracticeSite): PracticeSiteSummary {
  return {
    url: site.url,
    method: site.method,
    methodDescription: describeLoginMethod(site.method),
    tls: site.certificate !== null,
    accounts: site.accounts.map((account) => {
      const live = site.account(account.login);
      return {
        id: account.id,
        login: account.login,
        name: `${account.firstname} ${account.lastname}`,
        email: account.email,
        scenario: account.scenario,
        state: stateLabel(account.scenario),
        passphrase: account.passphrase,
        patBound: account.patBound,
        status: live?.status ?? account.status,
        retired: account.retired,
        permissionGroup: account.permissionGroup,
        canBeImpersonated: account.canBeImpersonated,
        twoFactorCodes: account.twoFactor?.codes ?? null,
        backupCodes: account.twoFactor?.backupCodes ?? null,
        lockedUntil: live?.lockedUntil?.toISOString() ?? null,
        notes: account.notes,
      };
    }),
    scripts: site.scripts.map((script) => ({
      id: script.id, name: script.name, key: script.key, canSudo: script.canSudo, notes: script.notes,
    })),
    controls: {
      faults: `${site.url}/__practice/faults`,
      accounts: `${site.url}/__practice/accounts`,
      sessions: `${site.url}/__practice/sessions`,
      appSessionRequests: `${site.url}/__practice/app-session-requests`,
      log: `${site.url}/__practice/log`,
    },
  };
}
