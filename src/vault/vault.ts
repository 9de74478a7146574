/**
 * The keychain as Gridpass uses it. Every operation resolves to a result, never throws, and no
 * failure ever carries a secret. There is deliberately no other implementation that writes to
 * disk: without a keychain, secrets are not saved at all.
 */
import type { SecretRef } from './secret-ref';

export type VaultFailureKind = 'unavailable' | 'locked' | 'denied' | 'too-large' | 'invalid' | 'error';

export interface VaultFailure {
  kind: VaultFailureKind;
  /** What happened, in plain words. */
  message: string;
  /** What the person can do about it. */
  fix: string;
  /** The keychain's own words (one line, bounded), for support staff; null when Gridpass refused first. */
  detail: string | null;
}

export type VaultResult<T> = { ok: true; value: T } | { ok: false; failure: VaultFailure };

export type SelfTestStepName = 'open' | 'write' | 'read' | 'compare' | 'delete';

export interface VaultSelfTestStep {
  name: SelfTestStepName;
  ok: boolean;
  durationMs: number;
}

/** A throwaway entry written, read back, compared and deleted (as Git Credential Manager's diagnose does). */
export interface VaultSelfTest {
  ok: boolean;
  backend: string;
  service: string;
  steps: VaultSelfTestStep[];
  totalMs: number;
  failure: VaultFailure | null;
}

export interface Vault {
  /** e.g. "Secret Service (GNOME Keyring / KWallet)", "macOS Keychain", "Windows Credential Manager". */
  readonly backend: string;
  /** The keychain service name every entry is filed under. */
  readonly service: string;
  save(ref: SecretRef, secret: string): Promise<VaultResult<void>>;
  /** null when there is no such entry. */
  read(ref: SecretRef): Promise<VaultResult<string | null>>;
  /** true when an entry was removed, false when there was none. */
  remove(ref: SecretRef): Promise<VaultResult<boolean>>;
  /** Gridpass's entries, sorted by host, login, kind; entries it did not write are ignored. */
  list(): Promise<VaultResult<SecretRef[]>>;
  /** Removes every entry for the host; resolves the number removed. */
  forgetSite(host: string): Promise<VaultResult<number>>;
  forgetAll(): Promise<VaultResult<number>>;
  selfTest(): Promise<VaultSelfTest>;
}
