import type { SettingsFailure } from '../settings/settings-store';
import type { SecretRef } from '../vault/secret-ref';
import type { VaultFailure } from '../vault/vault';

export type AccountFailure =
  | { kind: 'vault'; failure: VaultFailure }
  | { kind: 'settings'; failure: SettingsFailure }
  | { kind: 'not-found'; message: string }
  | { kind: 'invalid'; message: string };

export type AccountResult<T> = { ok: true; value: T } | { ok: false; failure: AccountFailure };

/**
 * What a forget actually did. Metadata is always removed; a keychain entry that could not be
 * deleted is listed with the keychain's reason (it shows up again as an orphan once the keychain
 * works), so the person is never told "forgotten" when a secret is still stored.
 */
export interface ForgetReport {
  accountsRemoved: number;
  secretsRemoved: number;
  /** `ref` is null when the keychain could not even be listed. */
  secretFailures: Array<{ ref: SecretRef | null; failure: VaultFailure }>;
  settingsFailure: SettingsFailure | null;
  /** True when nothing was left behind. */
  complete: boolean;
}

export interface CleanOrphansReport {
  removed: number;
  failures: Array<{ ref: SecretRef | null; failure: VaultFailure }>;
}
