// Runs every suite inside one private D-Bus session with an unlocked gnome-keyring, so the keychain
// tests use the real Secret Service, the same way on a laptop and in CI. Then sweeps everything the
// suites printed or wrote for the secrets the tests planted, and ends with one summary line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKeyringSession } from './keyring-session.mjs';
import { ensureNodeRuntime } from './node-runtime.mjs';
import { ensurePythonEnv, venvPython } from './python-env.mjs';
import { sweepForPlantedSecrets } from './secret-sweep.mjs';

ensureKeyringSession();

const results = 'test-results';

mkdirSync(results, { recursive: true });
for (const report of ['vitest.json', 'playwright.json', 'pytest.xml']) rmSync(join(results, report), { force: true });

// Where test/fixtures/plant-secret.ts registers every secret the suites plant, for the sweep at the end.
const plantedRegistry = mkdtempSync(join(tmpdir(), 'gridpass-planted-'));
process.env.GRIDPASS_PLANTED_SECRETS = plantedRegistry;

const printed = [];
function run(cmd, args, env = {}, cwd = undefined) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '1', ...env } });
    child.stdout.on('data', (chunk) => {
      printed.push(chunk.toString());
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      printed.push(chunk.toString());
      process.stderr.write(chunk);
    });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const counts = { passed: 0, failed: 0, skipped: 0 };
let failedSuites = 0;

// The pinned Node.js LTS release that one suite runs the CLI on (and the bench measures it on).
const runtimeProblem = ensureNodeRuntime((line) => printed.push(`${line}\n`) && console.log(line));
if (runtimeProblem !== null) {
  console.error(`node runtime: ${runtimeProblem}`);
  failedSuites++;
}

const vitestStatus = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${results}/vitest.json`]);
if (existsSync(`${results}/vitest.json`)) {
  const report = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}
if (vitestStatus !== 0) failedSuites++;

const playwrightStatus = await run('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
});
if (existsSync(`${results}/playwright.json`)) {
  const { stats } = JSON.parse(readFileSync(`${results}/playwright.json`, 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}
if (playwrightStatus !== 0) failedSuites++;

// The Python suites (the official client against the practice site, and the gridpass module) in the
// same keyring session. pytest's counts come from its JUnit report; exit 5 (no test ran) is a failure.
const pythonProblem = ensurePythonEnv((line) => printed.push(`${line}\n`) && console.log(line));
if (pythonProblem !== null) {
  console.error(`python: ${pythonProblem}`);
  failedSuites++;
} else {
  const pytestStatus = await run(venvPython, ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', 'tests', `--junitxml=../${results}/pytest.xml`], {}, 'python');
  const python = pytestCounts(`${results}/pytest.xml`);
  counts.passed += python.passed;
  counts.failed += python.failed;
  counts.skipped += python.skipped;
  if (pytestStatus !== 0) failedSuites++;
}

// A failing assertion may quote a planted secret on purpose; the sweep only judges passing runs.
const leaks = failedSuites === 0 ? sweepForPlantedSecrets(printed.join(''), results, plantedRegistry) : [];
for (const leak of leaks) console.error(`secret sweep: a planted test secret (or 8 characters of one) appeared in ${leak}`);
if (failedSuites === 0 && leaks.length === 0) console.log(`secret sweep: no planted secret, nor 8 characters of one, in the suites' output or in ${results}/`);
rmSync(plantedRegistry, { recursive: true, force: true });

function pytestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const suite = /<testsuite\b[^>]*>/.exec(readFileSync(file, 'utf8'))?.[0] ?? '';
  const number = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  const failed = number('failures') + number('errors');
  const skipped = number('skipped');
  return { passed: number('tests') - failed - skipped, failed, skipped };
}

console.log(`\ngridpass: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSuites === 0 && counts.failed === 0 && leaks.length === 0 ? 0 : 1);
