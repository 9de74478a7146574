/**
 * Turns what the OS keychain reports into a failure a person can act on. The keychain's own words
 * are kept (bounded, one line, with the secret blanked if it ever appeared) for support staff.
 */
import type { VaultFailure, VaultFailureKind } from './vault';

type KeychainPlatform = 'darwin' | 'win32' | 'secret-service' | 'unsupported';

/** Platforms the keyring library serves through the Secret Service. */
const secretServicePlatforms: readonly NodeJS.Platform[] = ['linux', 'freebsd', 'openbsd', 'netbsd'];

export function keychainPlatform(platform: NodeJS.Platform): KeychainPlatform {
  if (platform === 'darwin' || platform === 'win32') return platform;
  return secretServicePlatforms.includes(platform) ? 'secret-service' : 'unsupported';
}

export function keychainBackendName(platform: NodeJS.Platform): string {
  switch (keychainPlatform(platform)) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    case 'secret-service':
      return 'Secret Service (GNOME Keyring / KWallet)';
    case 'unsupported':
      return `no supported keychain on ${platform}`;
  }
}

const noBusPattern = /DBUS_SESSION_BUS_ADDRESS|failed to connect to address/i;
const noServicePattern = /dbus error|zbus error|org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i;
const noKeyringPattern = /no result found|no such secret collection/i;

const patterns: ReadonlyArray<[VaultFailureKind, RegExp]> = [
  // Secret Service unlock prompts (dismissed or impossible) and IsLocked replies, which arrive
  // wrapped in D-Bus errors; macOS errSecInteractionNotAllowed.
  ['locked', /locked|unlock|interaction is not allowed/i],
  // No session bus, a bus with nothing answering for org.freedesktop.secrets, or a Secret Service
  // with no default keyring ("no result found").
  ['unavailable', new RegExp([noBusPattern.source, noServicePattern.source, noKeyringPattern.source].join('|'), 'i')],
  ['denied', /denied|cancel+ed|not authori[sz]ed|not allowed|user name or passphrase you entered is not correct/i],
  ['too-large', /longer than platform limit|too long|too large|too big/i],
];

export function classifyKeychainError(error: unknown, platform: NodeJS.Platform, secret?: string): VaultFailure {
  const detail = keychainDetail(error, secret);
  const kind = patterns.find(([, pattern]) => pattern.test(detail))?.[0] ?? 'error';
  return { ...keychainFailureWords(kind, platform, detail), detail };
}

/** The failure's words for a kind on a platform; `detail` refines the Secret Service's "unavailable". */
export function keychainFailureWords(
  kind: VaultFailureKind,
  platform: NodeJS.Platform,
  detail: string | null,
): Omit<VaultFailure, 'detail'> {
  const where = keychainPlatform(platform);
  switch (kind) {
    case 'unavailable':
      return unavailableWords(where, platform, detail ?? '');
    case 'locked':
      return { kind, message: lockedMessage[where], fix: lockedFix[where] };
    case 'denied':
      return {
        kind,
        message: 'Access to the keychain was refused, so Gridpass could not use its saved login.',
        fix: deniedFix[where],
      };
    case 'too-large':
      return {
        kind,
        message: 'This secret is longer than the keychain can store.',
        fix: 'Check that only the passphrase or token was pasted, without extra text or line breaks.',
      };
    case 'invalid':
      return { kind, message: detail ?? 'Gridpass refused to use this keychain entry.', fix: 'Check the site address and login, then try again.' };
    case 'error':
      return {
        kind,
        message: 'The keychain reported an unexpected error.',
        fix: 'Try again. If it keeps happening, run Diagnose and send the report to your support contact.',
      };
  }
}

const verifyWithoutSaving = 'Until then you can still verify your login without saving it.';

function unavailableWords(where: KeychainPlatform, platform: NodeJS.Platform, detail: string): Omit<VaultFailure, 'detail'> {
  if (where === 'unsupported') {
    return {
      kind: 'unavailable',
      message: `Gridpass has no keychain to save logins in on this system (${platform}).`,
      fix: `Use Gridpass on macOS, Windows or Linux to save logins. ${verifyWithoutSaving}`,
    };
  }
  if (where !== 'secret-service') {
    return {
      kind: 'unavailable',
      message: `The ${keychainBackendName(platform)} could not be reached.`,
      fix: `Sign out and back in to your computer, then try again. ${verifyWithoutSaving}`,
    };
  }
  if (noKeyringPattern.test(detail)) {
    return {
      kind: 'unavailable',
      message: 'No keychain is available: the Secret Service is running but has no default keyring to save logins in.',
      fix:
        'Create one: open Passwords and Keys (Seahorse), add a Password keyring and set it as the default, or in ' +
        'KDE create a wallet in KWallet Manager. Without a desktop, start the keyring with: printf ' +
        `'your-password\\n' | gnome-keyring-daemon --unlock --components=secrets, which creates it. ${verifyWithoutSaving}`,
    };
  }
  const noBus = noBusPattern.test(detail);
  return {
    kind: 'unavailable',
    message: noBus
      ? 'No keychain is available: this session has no D-Bus session bus, so the Secret Service (GNOME Keyring or KWallet) cannot be reached.'
      : 'No keychain is available: no Secret Service (GNOME Keyring or KWallet) is running in this session.',
    fix:
      'Install GNOME Keyring (sudo apt install gnome-keyring) or KWallet, then log out and back in: a desktop ' +
      'session starts it for you. Without a desktop (SSH, containers), run Gridpass inside dbus-run-session and ' +
      `start the keyring first with: printf 'your-password\\n' | gnome-keyring-daemon --unlock --components=secrets. ${verifyWithoutSaving}`,
  };
}

const lockedMessage: Record<KeychainPlatform, string> = {
  'secret-service': 'Your keyring is locked, and it was not unlocked when Gridpass asked.',
  darwin: 'Your login keychain is locked.',
  win32: 'Windows Credential Manager is locked for this session.',
  unsupported: 'The keychain is locked.',
};

const lockedFix: Record<KeychainPlatform, string> = {
  'secret-service':
    'Unlock it and try again: open Passwords and Keys (Seahorse), right-click the Login keyring and choose ' +
    'Unlock, or in KDE open KWallet Manager and open your wallet. When a prompt asks for your keyring ' +
    'password, enter it instead of closing the prompt.',
  darwin: 'Open Keychain Access, select the login keychain, choose File > Unlock Keychain "login", then try again.',
  win32: 'Sign out of Windows and back in, then try again.',
  unsupported: 'Unlock the keychain, then try again.',
};

const deniedFix: Record<KeychainPlatform, string> = {
  'secret-service': 'Try again and allow access when your keyring asks.',
  darwin:
    'Try again and choose Always Allow when macOS asks whether Gridpass may use the keychain. If you chose ' +
    'Deny before, open Keychain Access, find the Gridpass entries and allow Gridpass under Access Control.',
  win32: 'Try again; if it keeps happening, ask IT whether a policy blocks saved credentials.',
  unsupported: 'Try again and allow access when asked.',
};

/** One line, at most 300 characters, with the secret (if any) blanked. */
function keychainDetail(error: unknown, secret?: string): string {
  let text = error instanceof Error ? error.message : String(error);
  if (secret) text = text.split(secret).join('[hidden]');
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
