// `npm start` as a newcomer runs it on a machine where the Electron binary was never downloaded.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noElectronMessage } from '../../../scripts/electron-binary.mjs';
import { projectRoot } from '../../fixtures/cli-process';

let emptyDist: string;

beforeAll(async () => {
  emptyDist = await mkdtemp(path.join(tmpdir(), 'gridpass-no-electron-'));
});

afterAll(async () => {
  await rm(emptyDist, { recursive: true, force: true });
});

function npmStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start without an Electron binary', () => {
  it('says in one line what is missing and what to do, and exits 1 without a stack trace or a download', async () => {
    // Where a binary is installed, point the lookup at an empty folder, as the electron package's own override does.
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist };
    delete env.ELECTRON_PATH;
    const run = await npmStart(env);

    expect(run.code).toBe(1);
    const ours = run.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(ours).toEqual([noElectronMessage]);
    expect(noElectronMessage).toContain('npm run demo');
    expect(noElectronMessage).toContain('npx install-electron');
    const everything = `${run.stdout}\n${run.stderr}`;
    expect(everything).not.toMatch(/^\s+at /m);
    expect(everything).not.toContain('Downloading Electron');
    expect(everything).not.toContain('Electron failed to install');
  });

  it('says the same when ELECTRON_PATH names a binary that is not there', async () => {
    const run = await npmStart({ ...process.env, ELECTRON_PATH: path.join(emptyDist, 'electron') });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(noElectronMessage);
  });
});
