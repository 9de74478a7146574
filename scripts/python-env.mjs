// Creates or refreshes the git-ignored Python virtual environment the Python suites run in (.venv-py):
// the pinned official client, keyring and pytest, plus the repo's python/ folder on its path. Does
// nothing when the environment already matches the pins, so `npm test` and CI pay for it once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const venvDir = join(root, '.venv-py');
export const venvPython = join(venvDir, 'bin', 'python');
const requirements = join(root, 'python', 'requirements-test.txt');
const stamp = join(venvDir, '.gridpass-requirements');

/** Returns null when the environment is ready, else why it is not (one line). */
export function ensurePythonEnv(log = console.log) {
  const wanted = readFileSync(requirements, 'utf8');
  if (existsSync(venvPython) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return null;
  log('python: creating .venv-py with the pinned packages of python/requirements-test.txt');
  const steps = [
    ['python3', ['-m', 'venv', venvDir]],
    [venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { stdio: 'inherit' });
    if (run.error || run.status !== 0) {
      return `${command} ${args.slice(0, 2).join(' ')} failed (${run.error?.message ?? `exit ${run.status}`}); on Debian: apt-get install python3-venv`;
    }
  }
  // A .pth file puts python/ on the path, so the gridpass module is always the working copy.
  const lib = join(venvDir, 'lib');
  const sitePackages = readdirSync(lib).map((name) => join(lib, name, 'site-packages')).find((dir) => existsSync(dir));
  if (sitePackages === undefined) return 'the new virtual environment has no site-packages folder';
  writeFileSync(join(sitePackages, 'gridpass-working-copy.pth'), `${join(root, 'python')}\n`);
  writeFileSync(stamp, wanted);
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problem = ensurePythonEnv();
  if (problem !== null) {
    console.error(`python: ${problem}`);
    process.exit(1);
  }
  console.log(`python: ${venvPython} is ready`);
}
