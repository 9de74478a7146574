import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeSite } from '../../../src/practice-site/practice-site';
import type { PracticeSite, PracticeSiteOptions } from '../../../src/practice-site/practice-site';
import { approveAs, denyPending, nextPendingRequest } from '../../fixtures/app-session-approval';
import { buildCliOnce, builtCli } from '../../fixtures/cli-process';
import { manualClock, seededAccount } from '../../fixtures/practice-site';

const sites: PracticeSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

beforeAll(async () => {
  await buildCliOnce();
}, 120_000);

async function practiceSite(options: PracticeSiteOptions = {}): Promise<PracticeSite> {
  const site = await startPracticeSite(options);
  sites.push(site);
  return site;
}

interface Running {
  stdout: () => string;
  stderr: () => string;
  done: Promise<number | null>;
  interrupt(): void;
}

/** `gridpass whoami` as a person runs it, in its own process, with a clean environment. */
function whoami(args: readonly string[]): Running {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, COLUMNS: '100' };
  const child = spawn(process.execPath, [builtCli, 'whoami', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  child.stdin.end();
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    }),
    interrupt: () => child.kill('SIGINT'),
  };
}

function passwordLogins(site: PracticeSite): number {
  return site.log.entries().filter((entry) => entry.authKind === 'password').length;
}

describe('gridpass whoami', () => {
  it('prints the approval link, and once approved who the person is and their exact legacy login (exit 0)', async () => {
    const site = await practiceSite();
    const run = whoami(['--site', site.url]);
    await approveAs(site.url, 'jdoe');
    expect(await run.done).toBe(0);
    const [pending] = site.appSessionRequests();
    expect(pending).toBeUndefined();
    expect(run.stdout()).toMatch(new RegExp(`approve "Gridpass" there:\\n  ${site.url.replace(/[.]/g, '\\.')}/app_session_request/[0-9a-f]+\\?sticky_id=`));
    expect(run.stdout()).toContain('You are Jane Doe');
    expect(run.stdout()).toMatch(/Legacy login\s+jdoe\n/);
    expect(run.stdout()).toMatch(/Email\s+jane\.doe@studio\.example\n/);
    expect(run.stdout()).toMatch(/Status\s+active \(act\)\n/);
    expect(run.stdout()).toMatch(/Locked\s+no\n/);
    expect(run.stdout()).toContain('must use exactly "jdoe"');
    expect(run.stderr()).toContain('Waiting for approval: 3:00 left (Ctrl-C cancels)');
    expect(passwordLogins(site)).toBe(0);
  });

  it('answers --json with one document, the link on stderr, and never the session token', async () => {
    const site = await practiceSite();
    const sofia = seededAccount('locked');
    const run = whoami(['--site', site.url, '--json']);
    await approveAs(site.url, sofia.login);
    expect(await run.done).toBe(0);
    const document = JSON.parse(run.stdout()) as Record<string, unknown>;
    expect(document).toMatchObject({
      schema: 'gridpass.whoami/1', ok: true, site: site.url,
      person: { login: sofia.login, name: 'Sofia Rossi', status: 'act', locked: true, lockedUntilReadable: true },
      finding: { code: 'GP-SIGNIN-CONFIRMED' },
    });
    expect(run.stderr()).toContain('/app_session_request/');
    expect(JSON.stringify(document)).not.toMatch(/session_?token/i);
  });

  it('exits 1 with GP-SIGNIN-REJECTED when the person denies', async () => {
    const site = await practiceSite();
    const run = whoami(['--site', site.url, '--json']);
    await denyPending(site.url);
    expect(await run.done).toBe(1);
    expect(JSON.parse(run.stdout())).toMatchObject({ ok: false, person: null, finding: { code: 'GP-SIGNIN-REJECTED' } });
  });

  it('exits 1 with GP-SIGNIN-REJECTED when the request expires on the site', async () => {
    const clock = manualClock();
    const site = await practiceSite({ clock: clock.now });
    const run = whoami(['--site', site.url]);
    await nextPendingRequest(site.url);
    clock.advance(306_000);
    expect(await run.done).toBe(1);
    expect(run.stdout()).toContain('GP-SIGNIN-REJECTED');
    expect(run.stdout()).toContain('denied or has expired');
  });

  it('exits 1 with GP-SIGNIN-OFF on a site without the launcher, without asking for a request', async () => {
    const site = await practiceSite({ appSessionLauncher: false });
    const run = whoami(['--site', site.url]);
    expect(await run.done).toBe(1);
    expect(run.stdout()).toContain('GP-SIGNIN-OFF');
    expect(site.log.entries().map((entry) => entry.call)).toEqual(['info']);
  });

  it('cancels on Ctrl-C while waiting: exit 2, nothing approved', async () => {
    const site = await practiceSite();
    const run = whoami(['--site', site.url]);
    await nextPendingRequest(site.url);
    while (!run.stderr().includes('Waiting for approval')) await new Promise((resolve) => setTimeout(resolve, 20));
    run.interrupt();
    expect(await run.done).toBe(2);
    expect(run.stderr()).toContain('Cancelled: nothing was approved.');
    expect(run.stdout()).not.toContain('You are');
  });

  it('is a usage error without --site', async () => {
    const run = whoami([]);
    expect(await run.done).toBe(2);
    expect(run.stderr()).toContain('Give the site');
  });
});
