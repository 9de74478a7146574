// Runs every suite inside one private D-Bus session with an unlocked gnome-keyring, so the keychain
// tests use the real Secret Service, the same way on a laptop and in CI. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.GRIDPASS_KEYRING_SESSION) {
  // The daemon keeps its keyring files in a fresh folder: an existing login keyring (with another
  // password) would stay locked, and the tests must never touch a person's own keyring.
  const keyringData = mkdtempSync(join(tmpdir(), 'gridpass-test-keyring-'));
  const inner =
    'printf "gridpass-test\\n" | XDG_DATA_HOME="$GRIDPASS_TEST_KEYRING_DATA" gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, GRIDPASS_KEYRING_SESSION: '1', GRIDPASS_TEST_KEYRING_DATA: keyringData },
  });
  rmSync(keyringData, { recursive: true, force: true });
  if (result.error) {
    console.error(`Cannot start a D-Bus session for the keychain tests (${result.error.message}).`);
    console.error('Install: apt-get install dbus dbus-x11 gnome-keyring');
    process.exit(3);
  }
  process.exit(result.status ?? 1);
}

mkdirSync('test-results', { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const counts = { passed: 0, failed: 0, skipped: 0 };
let failedSuites = 0;

const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}
if (vitestStatus !== 0) failedSuites++;

const playwrightStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
});
if (existsSync('test-results/playwright.json')) {
  const { stats } = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}
if (playwrightStatus !== 0) failedSuites++;

console.log(`\ngridpass: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSuites === 0 && counts.failed === 0 ? 0 : 1);
