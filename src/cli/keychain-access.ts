import { homedir } from 'node:os';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Vault } from '../vault/vault';
import { userDataDir } from '../settings/user-data-dir';

/** The saved accounts for reading only: the lockout counts `verify` shows next to a typed login. */
export type AccountRecords = Pick<AccountRegistry, 'failedLogins'>;

/** The keychain and the saved accounts as the CLI uses them; opening them loads the native keychain module. */
export interface KeychainAccess {
  readonly vault: Vault;
  readonly registry: AccountRegistry;
  /** Set when the settings file had to be set aside or cannot be written; shown once, as is. */
  readonly settingsNotice: string | null;
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
): Promise<KeychainAccess> {
  const [{ createKeychainVault, keychainServiceName }, { openSettingsStore }, { createAccountRegistry }] = await Promise.all([
    import('../vault/keychain-vault'),
    import('../settings/settings-store'),
    import('../accounts/account-registry'),
  ]);
  const vault = createKeychainVault({ service: keychainServiceName(env), platform });
  const settings = openSettingsStore({ cwd: userDataDir(platform, env, homedir()), now });
  return { vault, registry: createAccountRegistry({ settings, vault, now }), settingsNotice: settings.notice };
}

/**
 * The saved accounts for reading only, without the keychain module or the settings store: the
 * settings file parsed with its schema. A file that is not a valid settings file is left to the full
 * settings store (`open`), which sets it aside and starts afresh as it always does.
 */
export async function openAccountRecords(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  open: () => Promise<KeychainAccess>,
): Promise<AccountRecords> {
  const [{ readSettingsSnapshot }, { failedLoginsIn }] = await Promise.all([
    import('../settings/settings-snapshot'),
    import('../accounts/account-registry'),
  ]);
  const file = readSettingsSnapshot(userDataDir(platform, env, homedir()));
  if (file === null) return (await open()).registry;
  return { failedLogins: (site, login) => failedLoginsIn(file, site, login) };
}
