/**
 * `gridpass doctor --browser-sign-in` as people run it: a child process against the practice site, the
 * approval given through the site's controls (what the person's click in a signed-in browser does). The
 * request log shows whether a password ever reached the site.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeSite, type PracticeSite } from '../../../src/practice-site/practice-site';
import { approveAs, denyPending } from '../../fixtures/app-session-approval';
import { buildCliOnce, cliSandbox, type CliSandbox } from '../../fixtures/cli-process';
import { seededAccount } from '../../fixtures/practice-site';
import { plantedSecret } from '../../fixtures/plant-secret';

interface Report {
  verdict: { ok: boolean; code: string | null; headline: string };
  login: string | null;
  signedIn: { login: string; name: string | null; status: string | null; lockedUntil: string | null } | null;
  checks: Array<{ id: string; status: string; summary: string; findingCode: string | null; details: string[] }>;
  findings: Array<{ code: string; title: string; explanation: string; steps: Array<{ text: string }> }>;
}

let sandbox: CliSandbox;
let site: PracticeSite;
let reports: string;

beforeAll(async () => {
  await buildCliOnce();
  sandbox = await cliSandbox('doctor-sign-in');
  reports = await mkdtemp(join(tmpdir(), 'gridpass-doctor-sign-in-'));
}, 120_000);

afterEach(async () => {
  await site?.close();
});

afterAll(async () => {
  await sandbox?.cleanup();
  await rm(reports, { recursive: true, force: true });
});

async function identitySite(): Promise<PracticeSite> {
  site = await startPracticeSite({ method: 'oxygen' });
  return site;
}

/** Requests that carried a login and passphrase: each one counts towards ShotGrid's lockout. */
function passwordLogins(): number {
  return site.log.entries().filter((entry) => entry.authKind === 'password').length;
}

/** Runs doctor and, while it waits, approves as `approver` (or denies). */
async function doctorApproved(args: readonly string[], approver: string | null, stdin?: string) {
  const running = sandbox.run(['doctor', '--site', site.url, '--browser-sign-in', ...args], stdin === undefined ? {} : { stdin });
  await (approver === null ? denyPending(site.url) : approveAs(site.url, approver));
  return running;
}

/** Printed text with its line wrapping undone, so a sentence reads the same at any terminal width. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const jane = seededAccount('legacy-login-differs');
const sofia = seededAccount('locked');
const planted = plantedSecret('doctor-sign-in-passphrase');

describe('gridpass doctor --browser-sign-in', () => {
  it('catches another person\'s login before any password is sent, and names the right one', async () => {
    await identitySite();
    const run = await doctorApproved(['--login', jane.email, '--passphrase-stdin', '--json'], jane.login, `${planted}\n`);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.verdict.code).toBe('GP-AUTH-WRONG-LOGIN');
    expect(report.verdict.headline).toBe('Your login on this site is "jdoe"');
    expect(report.signedIn).toMatchObject({ login: 'jdoe', name: 'Jane Doe', status: 'act', lockedUntil: null });
    const login = report.checks.find((check) => check.id === 'credentials');
    expect(login).toMatchObject({ status: 'fail', findingCode: 'GP-AUTH-WRONG-LOGIN' });
    expect(login?.details).toContain('The passphrase was not sent: the site would refuse it for this login, and each refusal counts towards the lockout.');
    expect(flat(run.stderr)).toContain(`The passphrase is not asked for and not sent: "${jane.email}" is not the signed-in person's login ("jdoe").`);
    expect(passwordLogins()).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(planted);
    expect(run.stdout).not.toMatch(/session_?token/i);
  });

  it('says a locked account is locked, until when in local time and how long from now, without sending the passphrase', async () => {
    await identitySite();
    const run = await doctorApproved(['--login', sofia.login, '--passphrase-stdin'], sofia.login, `${sofia.passphrase!}\n`);
    expect(run.code).toBe(1);
    expect(flat(run.stdout)).toMatch(/The account is locked until (\d{1,2} \w{3}, )?\d\d:\d\d \(in (59|60) minutes\)/);
    expect(run.stdout).toContain('[GP-ACCOUNT-LOCKED]');
    expect(flat(run.stdout)).toMatch(/SKIP Login skipped: not sent: the account is locked until (\d{1,2} \w{3}, )?\d\d:\d\d/);
    expect(flat(run.stdout)).toMatch(/FAIL Account state The account is locked until/);
    expect(passwordLogins()).toBe(0);
  });

  it('narrows a refused passphrase for the right login to the causes that remain, and the report says who signed in', async () => {
    await identitySite();
    const file = join(reports, 'narrowed.md');
    const run = await doctorApproved(['--login', jane.login, '--passphrase-stdin', '--report', file], jane.login, `${planted}\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[GP-AUTH-NO-PAT]');
    expect(flat(run.stdout)).toContain('You confirmed in the browser that you are Jane Doe, legacy login "jdoe", and the account is active and not locked.');
    expect(run.stdout).toMatch(/PASS {2}Account state +Active, not locked \(from the browser sign-in\)/);
    expect(passwordLogins()).toBe(1);
    const markdown = await readFile(file, 'utf8');
    expect(markdown).toContain('- Signed in through the browser as: Jane Doe, legacy login jdoe; email jane.doe@studio.example; status act');
    expect(markdown).not.toContain(planted);
    expect(run.stdout + run.stderr).not.toContain(planted);
  });

  it('without --login checks the signed-in person\'s own login, once', async () => {
    await identitySite();
    const run = await doctorApproved(['--passphrase-stdin', '--json'], jane.login, `${jane.passphrase!}\n`);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toMatchObject({ login: 'jdoe', verdict: { ok: true }, signedIn: { login: 'jdoe' } });
    expect(flat(run.stderr)).toContain('You are Jane Doe, legacy login "jdoe".');
    expect(passwordLogins()).toBe(1);
  });

  it('a denied sign-in is the verdict, and the passphrase is not sent', async () => {
    await identitySite();
    const run = await doctorApproved(['--login', jane.login, '--passphrase-stdin', '--json'], null, `${planted}\n`);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.verdict.code).toBe('GP-SIGNIN-REJECTED');
    expect(report.signedIn).toBeNull();
    expect(report.checks.find((check) => check.id === 'credentials')?.summary).toBe('not sent: the browser sign-in did not confirm who you are (GP-SIGNIN-REJECTED)');
    expect(passwordLogins()).toBe(0);
  });

  it('is a usage error without --site', async () => {
    const run = await sandbox.run(['doctor', '--browser-sign-in']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--browser-sign-in needs --site');
  });
});
