/**
 * The vault on the OS keychain through `@napi-rs/keyring`: macOS Keychain, Windows Credential
 * Manager, or the Secret Service on Linux. Linux is pinned to the Secret Service: unpinned, the
 * library silently falls back to the kernel keyring, which forgets everything at reboot. On Linux a
 * read tries Gridpass's own Secret Service read first (secret-service/secret-service-reader.ts).
 */
import type { AsyncEntry } from '@napi-rs/keyring';
import {
  compareSecretRefs,
  decodeAccountName,
  encodeAccountName,
  secretRefProblem,
  type SecretRef,
} from './secret-ref';
import { loadKeyringModule } from './keyring-module';
import { classifyKeychainError, keychainBackendName, keychainFailureWords, keychainPlatform } from './keychain-failure';
import { secretByteLimit, secretFits } from './secret-size';
import { SecretServiceReader } from './secret-service/secret-service-reader';
import { sessionBusSocket } from './secret-service/session-bus-address';
import type { SelfTestStepName, Vault, VaultFailure, VaultResult, VaultSelfTest, VaultSelfTestStep } from './vault';

export const DEFAULT_KEYCHAIN_SERVICE = 'Gridpass';

/** Set to file entries under another service name (tests, side-by-side installs). */
export const KEYCHAIN_SERVICE_ENV = 'GRIDPASS_KEYCHAIN_SERVICE';

export function keychainServiceName(env: Readonly<Record<string, string | undefined>>): string {
  return env[KEYCHAIN_SERVICE_ENV] || DEFAULT_KEYCHAIN_SERVICE;
}

/** The self-test's throwaway entries live under this host, so a leftover one is recognisable. */
export const SELF_TEST_HOST = 'gridpass-self-test.invalid';

const entryOptions = { linux: { store: 'secret-service' } } as const;

export interface KeychainVaultOptions {
  service?: string;
  /** For the failure wording and size limits; the keychain used is always this machine's. */
  platform?: NodeJS.Platform;
}

/** The OS keychain's vault, which can be told ahead that reads are coming. */
export interface OsKeychainVault extends Vault {
  /**
   * Starts opening the Secret Service for reads (connection and encrypted session), so that a read
   * a few milliseconds later finds them ready; elsewhere, and when the bus is not found, it does nothing.
   * Resolves once the request is on its way; it never rejects.
   */
  prepareReads(): Promise<void>;
}

export function createKeychainVault(options: KeychainVaultOptions = {}): OsKeychainVault {
  return new KeychainVault(options.service ?? DEFAULT_KEYCHAIN_SERVICE, options.platform ?? process.platform);
}

const ok = <T>(value: T): VaultResult<T> => ({ ok: true, value });
const fail = <T>(failure: VaultFailure): VaultResult<T> => ({ ok: false, failure });

class KeychainVault implements OsKeychainVault {
  readonly backend: string;
  #secretService: SecretServiceReader | null | undefined;

  constructor(
    readonly service: string,
    private readonly platform: NodeJS.Platform,
  ) {
    this.backend = keychainBackendName(platform);
  }

  async save(ref: SecretRef, secret: string): Promise<VaultResult<void>> {
    if (secret.length === 0) return fail(this.#refused('invalid', 'There is no secret to save: it is empty.'));
    if (!secretFits(secret, this.platform)) {
      const words = keychainFailureWords('too-large', this.platform, null);
      return fail({ ...words, message: `${words.message} The limit is ${secretByteLimit(this.platform)} bytes.`, detail: null });
    }
    const entry = this.#entry(ref);
    if (!entry.ok) return entry;
    try {
      await entry.value.setPassword(secret);
      return ok(undefined);
    } catch (error) {
      return fail(classifyKeychainError(error, this.platform, secret));
    }
  }

  async prepareReads(): Promise<void> {
    await this.#secretServiceReader()?.prepare();
  }

  async read(ref: SecretRef): Promise<VaultResult<string | null>> {
    if (secretRefProblem(ref) === null) {
      // The quick way answers only a plain success; anything else is the library's to find and to word.
      const quick = await this.#secretServiceReader()?.read(this.service, encodeAccountName(ref));
      if (quick?.kind === 'found') return ok(quick.secret);
    }
    const entry = this.#entry(ref);
    if (!entry.ok) return entry;
    try {
      return ok((await entry.value.getPassword()) ?? null);
    } catch (error) {
      return fail(classifyKeychainError(error, this.platform));
    }
  }

  async remove(ref: SecretRef): Promise<VaultResult<boolean>> {
    const entry = this.#entry(ref);
    if (!entry.ok) return entry;
    try {
      return ok(await entry.value.deletePassword());
    } catch (error) {
      return fail(classifyKeychainError(error, this.platform));
    }
  }

  async list(): Promise<VaultResult<SecretRef[]>> {
    // The search cannot be pinned to a store, so a pinned entry is opened first: where the Secret
    // Service is missing this fails instead of searching some other store.
    const probe = this.#open(`probe:${SELF_TEST_HOST}:list`);
    if (!probe.ok) return probe;
    try {
      const keyring = loadKeyringModule();
      if (!keyring.ok) return fail(this.#moduleMissing(keyring.error));
      const credentials = await keyring.value.findCredentialsAsync(this.service);
      // Only the names are kept; the passwords the search returns are dropped here.
      const refs = credentials.flatMap(({ account }) => decodeAccountName(account) ?? []);
      return ok(refs.sort(compareSecretRefs));
    } catch (error) {
      return fail(classifyKeychainError(error, this.platform));
    }
  }

  async forgetSite(host: string): Promise<VaultResult<number>> {
    const wanted = host.toLowerCase();
    return this.#removeWhere((ref) => ref.host === wanted);
  }

  async forgetAll(): Promise<VaultResult<number>> {
    return this.#removeWhere(() => true);
  }

  async selfTest(): Promise<VaultSelfTest> {
    const started = performance.now();
    const steps: VaultSelfTestStep[] = [];
    const step = async <T>(name: SelfTestStepName, run: () => Promise<VaultResult<T>> | VaultResult<T>) => {
      const at = performance.now();
      const result = await run();
      steps.push({ name, ok: result.ok, durationMs: performance.now() - at });
      return result;
    };
    // Node's crypto module only for the self-test: reading a saved secret does not load it.
    const { randomBytes, randomUUID } = process.getBuiltinModule('node:crypto');
    const ref: SecretRef = { kind: 'passphrase', host: SELF_TEST_HOST, login: `self-test-${randomUUID()}` };
    const secret = randomBytes(24).toString('base64url');
    const failure = await this.#selfTestSteps(ref, secret, step);
    return {
      ok: failure === null,
      backend: this.backend,
      service: this.service,
      steps,
      totalMs: performance.now() - started,
      failure,
    };
  }

  async #selfTestSteps(
    ref: SecretRef,
    secret: string,
    step: <T>(name: SelfTestStepName, run: () => Promise<VaultResult<T>> | VaultResult<T>) => Promise<VaultResult<T>>,
  ): Promise<VaultFailure | null> {
    const opened = await step('open', () => this.#entry(ref));
    if (!opened.ok) return opened.failure;
    const written = await step('write', () => this.save(ref, secret));
    if (!written.ok) return written.failure;
    const readBack = await step('read', () => this.read(ref));
    const same = await step('compare', () =>
      readBack.ok && readBack.value === secret
        ? ok(true)
        : fail<boolean>({ ...keychainFailureWords('error', this.platform, null), message: 'The keychain did not give back what was just saved in it.', detail: null }),
    );
    // The throwaway entry is deleted whatever the read gave.
    const removed = await step('delete', () => this.remove(ref));
    if (!readBack.ok) return readBack.failure;
    if (!same.ok) return same.failure;
    return removed.ok ? null : removed.failure;
  }

  async #removeWhere(matches: (ref: SecretRef) => boolean): Promise<VaultResult<number>> {
    const listed = await this.list();
    if (!listed.ok) return listed;
    let removed = 0;
    for (const ref of listed.value.filter(matches)) {
      const result = await this.remove(ref);
      // Stop at the first failure: a locked or missing keychain fails the rest the same way.
      if (!result.ok) return result;
      if (result.value) removed++;
    }
    return ok(removed);
  }

  /** Linux's Secret Service read without the library (see secret-service-reader.ts), or null. */
  #secretServiceReader(): SecretServiceReader | null {
    if (this.#secretService === undefined) {
      const uid = this.platform === 'linux' && process.platform === 'linux' ? process.getuid?.() : undefined;
      const socket = uid === undefined ? null : sessionBusSocket(process.env);
      this.#secretService = uid !== undefined && socket !== null ? new SecretServiceReader(socket, uid) : null;
    }
    return this.#secretService;
  }

  #entry(ref: SecretRef): VaultResult<AsyncEntry> {
    const problem = secretRefProblem(ref);
    if (problem !== null) return fail(this.#refused('invalid', problem));
    return this.#open(encodeAccountName(ref));
  }

  #open(accountName: string): VaultResult<AsyncEntry> {
    if (keychainPlatform(this.platform) === 'unsupported') {
      return fail({ ...keychainFailureWords('unavailable', this.platform, null), detail: null });
    }
    const keyring = loadKeyringModule();
    if (!keyring.ok) return fail(this.#moduleMissing(keyring.error));
    try {
      // Throws synchronously when the pinned Secret Service cannot be reached (e.g. no D-Bus session).
      return ok(new keyring.value.AsyncEntry(this.service, accountName, entryOptions));
    } catch (error) {
      return fail(classifyKeychainError(error, this.platform));
    }
  }

  #moduleMissing(error: unknown): VaultFailure {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] ?? '' : String(error);
    return {
      ...keychainFailureWords('unavailable', this.platform, null),
      message: 'Gridpass could not load its keychain support, so logins can be verified but not saved.',
      fix: 'Reinstall Gridpass for this operating system and processor.',
      detail: reason.slice(0, 300),
    };
  }

  #refused(kind: 'invalid', message: string): VaultFailure {
    return { ...keychainFailureWords(kind, this.platform, message), detail: null };
  }
}
