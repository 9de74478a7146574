import type { Finding } from '../../diagnosis/finding';
import type { LoginMethod } from '../../shotgrid/login-method';
import type { HumanUserRecord, VerifiedScriptKey } from '../../shotgrid/shotgrid-client';

export const verifySchema = 'gridpass.verify/1';

/**
 * How far a check got: `checked` the site answered; `paused` a saved login not re-tried after a refused
 * passphrase; `no-secret` the keychain holds no passphrase for a saved login, or could not be read;
 * `forgotten` a saved login forgotten (in the app, say) while it was being checked.
 */
type VerifyOutcome = 'checked' | 'paused' | 'no-secret' | 'forgotten';

/** One checked login or script key, as `gridpass verify --json` prints it. */
export interface VerifyResult {
  ok: boolean;
  outcome: VerifyOutcome;
  site: string;
  loginMethod: LoginMethod | null;
  /** The login, or the script name for a script key. */
  login: string;
  credential: 'passphrase' | 'script-key';
  user: HumanUserRecord | null;
  script: VerifiedScriptKey | null;
  /** Refused logins Gridpass has caused for this login so far (ShotGrid locks after 10). */
  failedLogins: number;
  /** What was found; null only when there is nothing the catalogue can say (see `note`). */
  finding: Finding | null;
  /** A plain-words remark for outcomes other than `checked`. */
  note: string | null;
  /** Set when a refusal or pause could not be written to the settings file (the run then exits 1). */
  notSaved?: Finding;
}

interface VerifyDocument {
  schema: typeof verifySchema;
  ok: boolean;
  results: VerifyResult[];
}

export function verifyDocument(results: VerifyResult[]): VerifyDocument {
  return { schema: verifySchema, ok: results.length > 0 && results.every((result) => result.ok), results };
}
