// `npm run demo` as a newcomer or a trainer runs it where no Electron binary is installed: it builds,
// opens the real window in Chromium against the practice site and the real service, says that this
// is the browser preview, and cleans up on Ctrl-C. Headless here, as the other browser tests are.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src/app-shell/content-security-policy';

const root = path.resolve('.');

interface Demo {
  child: ChildProcessByStdio<null, Readable, Readable>;
  lines: string[];
  /** Resolves with the first line matching, or rejects when the output ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves once every process of the demo has closed its output. */
  closed: Promise<void>;
}

function startDemo(env: NodeJS.ProcessEnv): Demo {
  // Its own process group, so Ctrl-C can reach npm, the shell and the preview together, as a terminal's does.
  const child = spawn('npm', ['run', 'demo', '--', '--headless'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void; reject: (error: Error) => void }> = [];
  const onLine = (line: string) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(line);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const closed = Promise.all([
    new Promise<void>((resolve) => child.stdout.on('close', () => resolve())),
    new Promise<void>((resolve) => child.stderr.on('close', () => resolve())),
  ]).then(() => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the demo ended before printing ${waiter.pattern}:\n${lines.join('\n')}`));
  });
  return {
    child, lines, closed,
    waitFor: (pattern) => new Promise((resolve, reject) => {
      const seen = lines.map((line) => pattern.exec(line)).find((match) => match !== null);
      if (seen) resolve(seen);
      else waiters.push({ pattern, resolve, reject });
    }),
  };
}

test.describe('npm run demo without an Electron binary', () => {
  let emptyDist: string;

  test.beforeAll(() => {
    emptyDist = mkdtempSync(path.join(tmpdir(), 'gridpass-no-electron-'));
  });

  test.afterAll(() => {
    rmSync(emptyDist, { recursive: true, force: true });
  });

  test('opens the real window in Chromium against the practice site, says it is the browser preview, and stops on Ctrl-C', async () => {
    test.setTimeout(240_000);
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist };
    delete env.ELECTRON_PATH;
    const demo = startDemo(env);
    try {
      const [, rendererUrl] = await demo.waitFor(/^Preview open in Chromium \(headless\): the renderer at (\S+) /);
      const [, siteUrl] = await demo.waitFor(/with the practice site \(oxygen\) at (\S+),/);
      const output = demo.lines.join('\n');
      expect(output).toContain('this is the browser preview instead of the desktop app');
      expect(output).toContain('this is not the desktop app');

      // It serves the renderer build through the app's own handler and CSP, and the practice site answers.
      const page = await fetch(`${rendererUrl}index.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await page.text()).toContain('<div id="root">');
      const accounts = await fetch(`${siteUrl}/__practice/accounts`);
      expect(accounts.status).toBe(200);
    } finally {
      process.kill(-demo.child.pid!, 'SIGINT');
      await demo.closed;
    }
    expect(demo.lines.join('\n')).toContain('Browser preview stopped; the practice site, its keychain entries and settings folder are gone.');
    expect(demo.lines.join('\n')).not.toMatch(/^\s+at /m);
  });
});
