/**
 * The practice site in a process of its own, as a real site is on another machine: served from the
 * bench's own process, its answers would wait on the bench's spawning and timing of the very runs
 * it answers. Started with the built CLI (`gridpass practice-site --json`) and stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { LoginMethod } from '../../src/shotgrid/login-method';

interface SiteAccount {
  login: string;
  scenario: string;
  passphrase: string | null;
}

export interface PracticeSiteProcess {
  url: string;
  method: LoginMethod;
  accounts: SiteAccount[];
  close(): Promise<void>;
}

export function startPracticeSiteProcess(): Promise<PracticeSiteProcess> {
  const child = spawn(process.execPath, [path.resolve('out/cli/gridpass.js'), 'practice-site', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      let summary: { url: string; method: LoginMethod; accounts: SiteAccount[] };
      try {
        summary = JSON.parse(stdout) as typeof summary;
      } catch {
        return; // Not the whole document yet.
      }
      resolve({ ...summary, close: async () => { child.kill('SIGTERM'); await exited; } });
    });
    child.on('close', (code) => reject(new Error(`the practice site exited (${code}) before it answered: ${stderr.trim()}`)));
  });
}
