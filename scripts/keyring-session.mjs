// Re-runs the current script inside a private D-Bus session with an unlocked gnome-keyring, so the
// keychain code meets the real Secret Service, the same way on a laptop and in CI. The daemon keeps its
// keyring files in a fresh folder: an existing login keyring (with another password) would stay locked,
// and tests must never touch a person's own keyring.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function ensureKeyringSession() {
  if (process.env.GRIDPASS_KEYRING_SESSION) return;
  const keyringData = mkdtempSync(join(tmpdir(), 'gridpass-test-keyring-'));
  // The daemon's parent may return before the daemon owns the Secret Service's name on the bus. A test
  // that asked then would have D-Bus start a second, uninitialised daemon (no default keyring, every
  // keychain suite failing), so the tests start once the name is owned, within ten seconds.
  const owned = 'dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"';
  const inner =
    'printf "gridpass-test\\n" | XDG_DATA_HOME="$GRIDPASS_TEST_KEYRING_DATA" gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 3; ' +
    `i=0; until ${owned}; do i=$((i + 1)); if [ "$i" -gt 200 ]; then echo "gnome-keyring did not take the Secret Service name on the test bus" >&2; exit 3; fi; sleep 0.05; done; ` +
    'exec "$@"';
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, GRIDPASS_KEYRING_SESSION: '1', GRIDPASS_TEST_KEYRING_DATA: keyringData },
  });
  rmSync(keyringData, { recursive: true, force: true });
  if (result.error) {
    console.error(`Cannot start a D-Bus session with a keyring (${result.error.message}).`);
    console.error('Install: apt-get install dbus dbus-x11 gnome-keyring');
    process.exit(3);
  }
  process.exit(result.status ?? 1);
}
