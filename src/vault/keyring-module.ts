/**
 * The native keychain module, loaded on first use, not at start-up: if its binary is missing (a build
 * for another processor), the app and the CLI still start and report the keychain as unavailable.
 *
 * `@napi-rs/keyring` itself is a loader that works out which of its per-platform binary packages to
 * load, one failed lookup after another, and costs a `gridpass session` three times what loading the
 * binary does. So the binary package this platform's build names is loaded first, and the loader only
 * when that fails (another C library, such as musl, or a platform named some other way).
 */
import { createRequire } from 'node:module';
import type * as Keyring from '@napi-rs/keyring';

type KeyringModule = typeof Keyring;

type KeyringLoad = { ok: true; value: KeyringModule } | { ok: false; error: unknown };

const LOADER = '@napi-rs/keyring';

/** The binary package `@napi-rs/keyring` lists for a platform and processor, named as its packages are. */
export function keyringBinaryPackage(platform: NodeJS.Platform, arch: string): string {
  const abi = platform === 'linux' ? (arch === 'arm' ? '-gnueabihf' : '-gnu') : platform === 'win32' ? '-msvc' : '';
  return `${LOADER}-${platform}-${arch}${abi}`;
}

let loaded: KeyringLoad | null = null;

export function loadKeyringModule(): KeyringLoad {
  loaded ??= loadFrom(createRequire(import.meta.url), process.platform, process.arch);
  return loaded;
}

/** `load` is `require` from this module's place; the platform's binary package first, then the loader. */
export function loadFrom(load: (id: string) => unknown, platform: NodeJS.Platform, arch: string): KeyringLoad {
  try {
    return { ok: true, value: load(keyringBinaryPackage(platform, arch)) as KeyringModule };
  } catch {
    // The loader tries every other binary it knows, and says why none loaded.
  }
  try {
    return { ok: true, value: load(LOADER) as KeyringModule };
  } catch (error) {
    return { ok: false, error };
  }
}
