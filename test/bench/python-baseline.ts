import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProcessSpec } from './process-runs';

export interface PythonBaseline {
  /** Said next to every figure measured against it. */
  description: string;
  login(site: string, login: string, passphrase: string): ProcessSpec;
}

const venvPython = path.resolve('.venv-py/bin/python');
const here = path.resolve('test/bench');

/**
 * The official `shotgun_api3` from the project's Python environment when it is there (the Python
 * suites create it), otherwise a standard-library client making the same two API3 calls.
 */
export function pythonBaseline(): PythonBaseline {
  const official = existsSync(venvPython) && spawnSync(venvPython, ['-c', 'import shotgun_api3'], { stdio: 'ignore' }).status === 0;
  const python = official ? venvPython : 'python3';
  const version = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).stdout.trim();
  const officialVersion = official
    ? spawnSync(python, ['-c', 'import shotgun_api3; print(shotgun_api3.__version__)'], { encoding: 'utf8' }).stdout.trim()
    : '';
  const script = path.join(here, official ? 'python_login_official.py' : 'python_login_stdlib.py');
  return {
    description: official
      ? `official shotgun_api3 ${officialVersion} on Python ${version}`
      : `Python ${version} standard-library client (shotgun_api3 is not installed; run node scripts/python-env.mjs)`,
    login: (site, login, passphrase) => ({ command: python, args: [script, site, login], stdin: `${passphrase}\n` }),
  };
}
