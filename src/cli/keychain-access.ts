import { homedir } from 'node:os';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Vault } from '../vault/vault';
import { userDataDir } from '../settings/user-data-dir';

/** The keychain and the saved accounts as the CLI uses them; the native keychain module loads when a save, a listing or a read needs it. */
export interface KeychainAccess {
  readonly vault: Vault;
  readonly registry: AccountRegistry;
  /** Set when the settings file had to be set aside or cannot be written; shown once, as is. */
  readonly settingsNotice: string | null;
}

export interface KeychainOptions {
  /** The command will read secrets: the keychain starts opening for reads before the settings are read. */
  readsSecrets?: boolean;
}

/**
 * Imported on first use only: the keychain module loads a native addon, which commands such as
 * `--version` and `site` never need. The settings file is the app's (GRIDPASS_HOME overrides where
 * it lives) and GRIDPASS_KEYCHAIN_SERVICE files keychain entries under another service name.
 */
export async function openKeychainAccess(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  now: () => Date,
  options: KeychainOptions = {},
): Promise<KeychainAccess> {
  const [{ createKeychainVault, keychainServiceName }, { openSettingsStore }, { createAccountRegistry }] = await Promise.all([
    import('../vault/keychain-vault'),
    import('../settings/settings-store'),
    import('../accounts/account-registry'),
  ]);
  const vault = createKeychainVault({ service: keychainServiceName(env), platform });
  // The keychain opens for reads while the settings are read; a command that reads none skips the connection.
  if (options.readsSecrets) await vault.prepareReads();
  const settings = openSettingsStore({ cwd: userDataDir(platform, env, homedir()), now });
  return { vault, registry: createAccountRegistry({ settings, vault, now }), settingsNotice: settings.notice };
}
