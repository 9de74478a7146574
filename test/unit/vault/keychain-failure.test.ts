import { describe, expect, it } from 'vitest';
import { classifyKeychainError, keychainBackendName } from '../../../src/vault/keychain-failure';

// Messages as @napi-rs/keyring reports them (the Linux ones captured from real sessions).
const noBus =
  'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead';
const noBusOnSearch = 'zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)';
const noSecretService = 'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files';
const noDefaultKeyring = "Couldn't access platform storage: Secret Service: no result found";
const lockedOnSearch = 'zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object';
const promptDismissed = "Couldn't access platform storage: Secret Service: unlock prompt was dismissed";
const macLocked = "Couldn't access platform storage: User interaction is not allowed.";
const macDenied = "Couldn't access platform storage: The user name or passphrase you entered is not correct.";
const macCancelled = "Couldn't access platform storage: User canceled the operation.";
const tooLong = "Attribute 'password' is longer than platform limit of 1280 chars";

const error = (message: string) => Object.assign(new Error(message), { code: 'GenericFailure' });

describe('keychain failures', () => {
  it.each([
    [noBus, 'linux', 'unavailable'],
    [noBusOnSearch, 'linux', 'unavailable'],
    [noSecretService, 'linux', 'unavailable'],
    [noDefaultKeyring, 'linux', 'unavailable'],
    [promptDismissed, 'linux', 'locked'],
    [lockedOnSearch, 'linux', 'locked'],
    [macLocked, 'darwin', 'locked'],
    [macDenied, 'darwin', 'denied'],
    [macCancelled, 'darwin', 'denied'],
    [tooLong, 'win32', 'too-large'],
    ['Entry is matched by 2 credentials', 'linux', 'error'],
  ] as const)('%j on %s is %s', (message, platform, kind) => {
    expect(classifyKeychainError(error(message), platform).kind).toBe(kind);
  });

  it('tell a session without D-Bus apart from a bus with no Secret Service, and name what to install', () => {
    const missingBus = classifyKeychainError(error(noBus), 'linux');
    const missingService = classifyKeychainError(error(noSecretService), 'linux');
    expect(missingBus.message).toMatch(/no D-Bus session bus/);
    expect(missingService.message).toMatch(/no Secret Service \(GNOME Keyring or KWallet\) is running/);
    for (const failure of [missingBus, missingService]) {
      expect(failure.fix).toContain('apt install gnome-keyring');
      expect(failure.fix).toContain('KWallet');
      expect(failure.fix).toContain('dbus-run-session');
      expect(failure.fix).toContain('gnome-keyring-daemon --unlock');
      expect(failure.fix).toMatch(/verify your login without saving/);
    }
  });

  it('tell a Secret Service with no default keyring apart, and say how to create one', () => {
    const failure = classifyKeychainError(error(noDefaultKeyring), 'linux');
    expect(failure.message).toMatch(/no default keyring/);
    expect(failure.fix).toMatch(/Seahorse/);
    expect(failure.fix).toContain('gnome-keyring-daemon --unlock');
  });

  it('say how to unlock on each system', () => {
    expect(classifyKeychainError(error(promptDismissed), 'linux').fix).toMatch(/Seahorse|KWallet/);
    expect(classifyKeychainError(error(macLocked), 'darwin').fix).toMatch(/Keychain Access.*Unlock Keychain/);
  });

  it('keep the keychain’s own words on one bounded line, with no stack trace', () => {
    const raw = error(`${noBus}\n    at Object.<anonymous> (/somewhere/index.js:1:1)`);
    const failure = classifyKeychainError(raw, 'linux');
    expect(failure.detail).not.toMatch(/\n|    at /);
    expect(failure.detail?.startsWith('Platform failure: DBus error')).toBe(true);
    const long = classifyKeychainError(error('x'.repeat(5000)), 'linux');
    expect(long.detail?.length).toBeLessThanOrEqual(300);
    for (const text of [failure.message, failure.fix]) expect(text).not.toMatch(/\n|\bat\s+\S+:\d+:\d+/);
  });

  it('blank the secret should the keychain ever echo it', () => {
    const secret = 'correct-horse-battery-staple';
    const failure = classifyKeychainError(error(`could not store ${secret} now`), 'linux', secret);
    expect(JSON.stringify(failure)).not.toContain(secret);
    expect(failure.detail).toBe('could not store [hidden] now');
  });

  it('name the backend for each system', () => {
    expect(keychainBackendName('linux')).toBe('Secret Service (GNOME Keyring / KWallet)');
    expect(keychainBackendName('darwin')).toBe('macOS Keychain');
    expect(keychainBackendName('win32')).toBe('Windows Credential Manager');
    expect(keychainBackendName('aix')).toMatch(/no supported keychain/);
  });
});
